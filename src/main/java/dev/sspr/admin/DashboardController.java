package dev.sspr.admin;

import dev.sspr.audit.ActivityReports;
import dev.sspr.audit.ActivityReports.DailyOutcomes;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.registration.SignedInUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: registration coverage, resets per day for 30 days, the top refusal reasons and
 * the users with each method. Every chart's numbers are on the page as text too.
 */
@Controller
class DashboardController {

	static final String VIEW = "admin/dashboard";
	static final int DAYS = 30;
	static final List<String> METHODS = List.of("email", "mobile", "office", "app", "passkey", "questions");

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
		coverage.put("hasMethod", 0);
		coverage.put("noMethod", 0);
		Map<String, Integer> methods = new LinkedHashMap<>();
		for (String method : METHODS) {
			methods.put(method, 0);
		}
		for (TenantEligibility.Row row : rows) {
			List<String> has = methodsOf(UsersController.UserRow.of(row, null), policy.questionsToReset());
			has.forEach(method -> methods.merge(method, 1, Integer::sum));
			coverage.merge(row.verdict().eligible() ? "capable" : has.isEmpty() ? "noMethod" : "hasMethod", 1, Integer::sum);
		}
		List<DailyOutcomes> days = reports.resetsPerDay(admin.tenantId(), DAYS);
		model.addAttribute("userCount", rows.size());
		model.addAttribute("coverage", Charts.stacked(coverage, "bar-ok", "bar-warn", "bar-none"));
		model.addAttribute("methodBars", Charts.ranking(methods));
		model.addAttribute("daily", Charts.daily(days));
		model.addAttribute("days", days);
		model.addAttribute("resetsSucceeded", days.stream().mapToInt(DailyOutcomes::succeeded).sum());
		model.addAttribute("resetsFailed", days.stream().mapToInt(DailyOutcomes::failed).sum());
		model.addAttribute("refusals", Charts.ranking(reports.topRefusals(admin.tenantId(), DAYS, 6)));
		return VIEW;
	}

	/**
	 * The methods a user has, the one definition behind both the coverage and the method chart: a
	 * method counts when the user registered it on the security-info page or the directory supplies it
	 * (an email, a mobile or an office phone, R-14), whether or not the policy allows it (a passkey
	 * once one is registered); security
	 * questions once enough answers are registered to reset with them.
	 */
	static List<String> methodsOf(UsersController.UserRow user, int questionsToReset) {
		List<String> has = new ArrayList<>();
		add(has, "email", user.email());
		add(has, "mobile", user.mobile());
		add(has, "office", user.office());
		add(has, "app", user.app());
		add(has, "passkey", user.passkeys() > 0);
		add(has, "questions", user.answers() >= questionsToReset);
		return has;
	}

	private static void add(List<String> methods, String method, boolean has) {
		if (has) {
			methods.add(method);
		}
	}
}
