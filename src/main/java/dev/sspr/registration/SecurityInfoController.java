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
import org.springframework.web.bind.annotation.PostMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/** The combined security-info page: what the user has registered, destinations masked. */
@Controller
class SecurityInfoController {

	static final String VIEW = "registration/security-info";

	private final Directory directory;
	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final TenantPolicies policies;
	private final ReturnTo returnTo;
	private final Clock clock;

	SecurityInfoController(Directory directory, SecurityQuestions questions, AuthenticatorApps apps,
			TenantPolicies policies, ReturnTo returnTo, Clock clock) {
		this.returnTo = returnTo;
		this.clock = clock;
		this.directory = directory;
		this.questions = questions;
		this.apps = apps;
		this.policies = policies;
	}

	@GetMapping("/security-info")
	String showSecurityInfo(@AuthenticationPrincipal SignedInUser signedIn, Model model, HttpServletRequest request) {
		returnTo.capture(request);
		UserAccount user = directory.user(signedIn.userPk()).orElseThrow();
		model.addAttribute("returnTo", returnTo.allowed(request.getSession(false), signedIn.tenantId()).orElse(null));
		model.addAttribute("displayName", user.displayName());
		model.addAttribute("email", user.resetEmail() == null ? null : Masking.maskEmail(user.resetEmail()));
		model.addAttribute("mobile", user.resetMobile() == null ? null : Masking.maskPhone(user.resetMobile()));
		model.addAttribute("office", user.officePhone() == null ? null : Masking.maskPhone(user.officePhone()));
		model.addAttribute("questionCount", questions.count(user.id()));
		model.addAttribute("questionsRequired", policies.policyOf(user.tenantId()).questionsToRegister());
		model.addAttribute("app", apps.hasActiveApp(user.id()));
		model.addAttribute("methodsRequired", policies.policyOf(user.tenantId()).methodsRequired());
		return VIEW;
	}

	/** "Not now" on the registration prompt (R-23: asked again at the next sign-in), or "continue". */
	@GetMapping("/security-info/continue")
	String processContinue(@AuthenticationPrincipal SignedInUser signedIn, HttpServletRequest request) {
		return "redirect:" + returnTo.allowed(request.getSession(false), signedIn.tenantId()).orElse("/security-info");
	}

	/** the user says their info is still right. */
	@PostMapping("/security-info/confirm")
	String processConfirm(@AuthenticationPrincipal SignedInUser signedIn, HttpServletRequest request) {
		directory.confirmSecurityInfo(signedIn.userPk(), clock.instant());
		return processContinue(signedIn, request);
	}
}
