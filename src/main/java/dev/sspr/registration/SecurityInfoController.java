package dev.sspr.registration;

import dev.sspr.delivery.Masking;
import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.verification.AuthenticatorApps;
import dev.sspr.verification.SecurityQuestions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The combined security-info page: what the user has registered, destinations masked. */
@Controller
class SecurityInfoController {

	static final String VIEW = "registration/security-info";

	private final Directory directory;
	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final TenantPolicies policies;

	SecurityInfoController(Directory directory, SecurityQuestions questions, AuthenticatorApps apps,
			TenantPolicies policies) {
		this.directory = directory;
		this.questions = questions;
		this.apps = apps;
		this.policies = policies;
	}

	@GetMapping("/security-info")
	String showSecurityInfo(@AuthenticationPrincipal SignedInUser signedIn, Model model) {
		UserAccount user = directory.user(signedIn.userPk()).orElseThrow();
		model.addAttribute("displayName", user.displayName());
		model.addAttribute("email", user.resetEmail() == null ? null : Masking.maskEmail(user.resetEmail()));
		model.addAttribute("mobile", user.resetMobile() == null ? null : Masking.maskPhone(user.resetMobile()));
		model.addAttribute("office", user.officePhone() == null ? null : Masking.maskPhone(user.officePhone()));
		model.addAttribute("questionCount", questions.count(user.id()));
		model.addAttribute("questionsRequired", policies.policyOf(user.tenantId()).questionsToRegister());
		model.addAttribute("app", apps.hasActiveApp(user.id()));
		return VIEW;
	}
}
