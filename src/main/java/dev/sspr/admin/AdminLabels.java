package dev.sspr.admin;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Localized names of the audit log's codes (event types, outcomes, reasons, methods) for the console's
 * pages and its CSV export; a code without a name shows as itself rather than as a missing-key marker
 * (AuditLabelsTests fails the build for any code the portal can write without one).
 * Templates call it as {@code @adminLabels}.
 */
@Component("adminLabels")
class AdminLabels {

	private final MessageSource messages;

	AdminLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String event(String type) {
		return of("admin.event.", type);
	}

	public String reason(String code) {
		return of("admin.reason.", code);
	}

	public String outcome(String outcome) {
		return of("admin.activity.outcome.", outcome);
	}

	public String method(String kind) {
		return of("admin.method.", kind);
	}

	/** A comma-separated list of methods as the audit log stores it, e.g. {@code EMAIL,MOBILE_SMS}. */
	public String methods(String kinds) {
		if (kinds == null || kinds.isBlank()) {
			return "";
		}
		return Arrays.stream(kinds.split(",")).map(this::method)
				.collect(Collectors.joining(", "));
	}

	/** A day in the page's language, e.g. "Security info last confirmed"; null is "never". */
	public String date(java.time.Instant at) {
		java.util.Locale locale = LocaleContextHolder.getLocale();
		if (at == null) {
			return messages.getMessage("admin.user.never", null, locale);
		}
		return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale)
				.withZone(java.time.ZoneOffset.UTC).format(at);
	}

	/** The label {@code prefix + code}, e.g. {@code of("admin.reason.", "NOT_LICENSED")}. */
	public String of(String prefix, String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
	}
}
