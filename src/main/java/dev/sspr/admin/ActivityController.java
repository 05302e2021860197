package dev.sspr.admin;

import dev.sspr.audit.ActivityFilter;
import dev.sspr.audit.ActivityReports;
import dev.sspr.audit.AdminAction;
import dev.sspr.audit.AuditEntry;
import dev.sspr.input.PlainText;
import dev.sspr.registration.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Activity: the tenant's reset, registration and admin events, filtered, paged and exported as CSV. */
@Controller
class ActivityController {

	static final String VIEW = "admin/activity";
	static final int PAGE_SIZE = 50;

	/** The filters as typed; dates as {@code yyyy-mm-dd} (what a date input sends). */
	record ActivityForm(
			@Size(max = 10, message = "{admin.activity.date.invalid}") String from,
			@Size(max = 10, message = "{admin.activity.date.invalid}") String to,
			@Size(max = 10) String outcome,
			@Size(max = 320, message = "{input.tooLong}") @PlainText String user,
			@Size(max = 40) String type,
			@Size(max = 6) String page) {

		/** The filter, or empty with a message beside each field that is wrong. */
		Optional<ActivityFilter> filter(Errors errors) {
			LocalDate fromDate = date(from, "from", errors);
			LocalDate toDate = date(to, "to", errors);
			if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
				errors.rejectValue("to", "admin.activity.date.beforeFrom");
			}
			String outcomeValue = blank(outcome) ? null : outcome;
			if (outcomeValue != null && !List.of("SUCCESS", "FAILURE").contains(outcomeValue)) {
				errors.rejectValue("outcome", "admin.policy.error.invalid");
			}
			String typeValue = blank(type) ? null : type;
			if (typeValue != null && !typeValue.matches("[A-Z_]{1,40}")) {
				errors.rejectValue("type", "admin.policy.error.invalid");
			}
			return errors.hasErrors() ? Optional.empty()
					: Optional.of(new ActivityFilter(fromDate, toDate, outcomeValue, blank(user) ? null : user.strip(), typeValue));
		}

		int pageNumber() {
			Integer number = PolicyValidator.number(page, 0, 99_999);
			return number == null ? 0 : number;
		}

		private static LocalDate date(String value, String field, Errors errors) {
			if (blank(value)) {
				return null;
			}
			try {
				return LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue(field, "admin.activity.date.invalid");
				return null;
			}
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}
	}

	private final ActivityReports reports;
	private final MessageSource messages;
	private final AdminLabels labels;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ActivityController(ActivityReports reports, MessageSource messages, AdminLabels labels,
			ApplicationEventPublisher events, Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.labels = labels;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/admin/activity")
	String showActivity(@AuthenticationPrincipal SignedInUser admin, @Valid @ModelAttribute ActivityForm activityForm,
			BindingResult result, Model model) {
		Optional<ActivityFilter> filter = result.hasErrors() ? Optional.empty() : activityForm.filter(result);
		model.addAttribute("activity", reports.search(admin.tenantId(), filter.orElse(ActivityFilter.none()),
				filter.isPresent() ? activityForm.pageNumber() : 0, PAGE_SIZE));
		model.addAttribute("eventTypes", reports.eventTypes(admin.tenantId()));
		return VIEW;
	}

	/** The filtered activity as CSV; with a filter that is wrong, the page with its messages instead. */
	@GetMapping("/admin/activity.csv")
	String exportActivity(@AuthenticationPrincipal SignedInUser admin, @Valid @ModelAttribute ActivityForm activityForm,
			BindingResult result, Model model, Locale locale, HttpServletResponse response) throws IOException {
		Optional<ActivityFilter> filter = result.hasErrors() ? Optional.empty() : activityForm.filter(result);
		if (filter.isEmpty()) {
			return showActivity(admin, activityForm, result, model);
		}
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_ACTIVITY_EXPORTED, admin.tenantId(), admin.userId(),
				null, true, filter.get().toString()));
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"activity-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write(CsvWriter.BOM);
		CsvWriter csv = new CsvWriter(out);
		csv.row(List.of("time", "user", "displayName", "event", "outcome", "reason", "methods", "actor", "details", "clientAddress")
				.stream().map(column -> messages.getMessage("admin.activity.column." + column, null, locale)).toList());
		reports.each(admin.tenantId(), filter.get(), entry -> csv.row(cells(entry)));
		out.flush();
		return null;
	}

	/** One line of the export, in the words the page uses (the time stays ISO 8601 for sorting). */
	private List<String> cells(AuditEntry entry) {
		return java.util.Arrays.asList(entry.occurredAt().toString(), entry.subject(), entry.displayName(),
				labels.event(entry.eventType()), labels.outcome(entry.outcome()), labels.reason(entry.reason()),
				labels.methods(entry.methods()), entry.actor(), entry.details(), entry.clientAddress());
	}
}
