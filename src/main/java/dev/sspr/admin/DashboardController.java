package dev.sspr.admin;

import dev.sspr.audit.ActivityReports;
import dev.sspr.audit.ActivityReports.DailyOutcomes;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.registration.SignedInUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: registration coverage, resets per day for 30 days, and the top refusal reasons. */
@Controller
class DashboardController {

	static final String VIEW = "admin/dashboard";
	static final int DAYS = 30;

	private final TenantEligibility eligibility;
	private final TenantPolicies policies;
	private final ActivityReports reports;

	DashboardController(TenantEligibility eligibility, TenantPolicies policies, ActivityReports reports) {
		this.eligibility = eligibility;
		this.policies = policies;
		this.reports = reports;
	}

	@GetMapping({ "/admin", "/admin/" })
	String showDashboard(@AuthenticationPrincipal SignedInUser admin, Model model) {
		SsprPolicy policy = policies.policyOf(admin.tenantId());
		List<TenantEligibility.Row> rows = eligibility.evaluate(admin.tenantId(), policy, Set.of());
		Map<String, Integer> coverage = new LinkedHashMap<>();
		coverage.put("capable", 0);
		coverage.put("registered", 0);
		coverage.put("notRegistered", 0);
		Map<String, Integer> methods = new LinkedHashMap<>();
		for (String method : List.of("email", "mobile", "office", "app", "questions")) {
			methods.put(method, 0);
		}
		for (TenantEligibility.Row row : rows) {
			UsersController.UserRow user = UsersController.UserRow.of(row);
			boolean registered = row.user().authEmail() != null || row.user().authPhone() != null || user.app()
					|| user.answers() > 0;
			coverage.merge(row.verdict().eligible() ? "capable" : registered ? "registered" : "notRegistered", 1, Integer::sum);
			count(methods, "email", user.email());
			count(methods, "mobile", user.mobile());
			count(methods, "office", user.office());
			count(methods, "app", user.app());
			count(methods, "questions", user.answers() >= policy.questionsToReset());
		}
		List<DailyOutcomes> days = reports.resetsPerDay(admin.tenantId(), DAYS);
		model.addAttribute("userCount", rows.size());
		model.addAttribute("coverage", Charts.stacked(coverage, "bar-ok", "bar-warn", "bar-none"));
		model.addAttribute("methodBars", Charts.ranking(methods));
		model.addAttribute("daily", Charts.daily(days));
		model.addAttribute("resetsSucceeded", days.stream().mapToInt(DailyOutcomes::succeeded).sum());
		model.addAttribute("resetsFailed", days.stream().mapToInt(DailyOutcomes::failed).sum());
		model.addAttribute("refusals", Charts.ranking(reports.topRefusals(admin.tenantId(), DAYS, 6)));
		return VIEW;
	}

	private static void count(Map<String, Integer> counts, String key, boolean yes) {
		if (yes) {
			counts.merge(key, 1, Integer::sum);
		}
	}
}
