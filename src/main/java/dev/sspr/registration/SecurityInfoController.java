package dev.sspr.registration;

import dev.sspr.delivery.Masking;
import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Passkey;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.verification.AppApprovals;
import dev.sspr.verification.AuthenticatorApps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import dev.sspr.verification.SecurityQuestions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The combined security-info page: what the user has registered, destinations masked. */
@Controller
class SecurityInfoController {

	static final String VIEW = "registration/security-info";
	static final String CONTINUE = "/security-info/continue";
	static final String VIEW_LEAVING = "registration/leaving";
	/**
	 * Session attribute: sign-in asked this user to check their security info and they have
	 * not answered yet. Only then does the page ask; once answered, it does not ask again in this session.
	 */
	static final String RECONFIRM_ASKED = "sspr.registration.reconfirmAsked";

	private final Directory directory;
	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final TenantPolicies policies;
	private final ReturnTo returnTo;
	private final Clock clock;
	private final AppApprovals approvals;
	private final ApplicationEventPublisher events;
	private final RegistrationPrompts prompts;
	private final Passkeys passkeys;

	SecurityInfoController(Directory directory, SecurityQuestions questions, AuthenticatorApps apps,
			TenantPolicies policies, ReturnTo returnTo, Clock clock, AppApprovals approvals,
			ApplicationEventPublisher events, RegistrationPrompts prompts, Passkeys passkeys) {
		this.prompts = prompts;
		this.passkeys = passkeys;
		this.approvals = approvals;
		this.events = events;
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
		// Only what the user registered here can be deleted here; directory fields stay.
		model.addAttribute("emailRegistered", user.authEmail() != null);
		model.addAttribute("phoneRegistered", user.authPhone() != null);
		model.addAttribute("questionCount", questions.count(user.id()));
		model.addAttribute("questionsRequired", policies.policyOf(user.tenantId()).questionsToRegister());
		model.addAttribute("app", apps.hasActiveApp(user.id()));
		model.addAttribute("methodsRequired", policies.policyOf(user.tenantId()).methodsRequired());
		model.addAttribute("approvals", approvals.pendingFor(user.id()));
		model.addAttribute("reconfirm", reconfirmOpen(request.getSession(false), user.id()));
		// Names and dates only: a credential id never reaches the page.
		List<Passkey> own = passkeys.of(user.id());
		model.addAttribute("passkeys", own);
		model.addAttribute("passkeyRoom", own.size() < passkeys.maxPerUser());
		model.addAttribute("passkeyNameMax", Passkeys.NAME_MAX_LENGTH);
		return VIEW;
	}

	/** Sign-in's question stays until answered, or until a saved change confirmed the info anyway. */
	private boolean reconfirmOpen(HttpSession session, long userPk) {
		if (session == null || session.getAttribute(RECONFIRM_ASKED) == null) {
			return false;
		}
		if (prompts.promptFor(userPk) != RegistrationPrompts.Prompt.RECONFIRM) {
			session.removeAttribute(RECONFIRM_ASKED);
			return false;
		}
		return true;
	}

	/**
	 * Approve (with the matching number) or deny a reset's app notification; only the user's
	 * own. Approving without a number asks for one and counts nothing.
	 */
	@PostMapping("/security-info/approvals/{id}")
	String processApproval(@AuthenticationPrincipal SignedInUser signedIn, @PathVariable long id,
			@RequestParam(required = false) String number, @RequestParam(defaultValue = "deny") String decision,
			RedirectAttributes flash) {
		boolean approve = "approve".equals(decision);
		boolean chosen = number != null && number.matches("\\d{1,9}");
		if (approve && !chosen) {
			if (approvals.pendingFor(signedIn.userPk()).stream().noneMatch(pending -> pending.id() == id)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			flash.addFlashAttribute("approvalMissing", id);
			return "redirect:/security-info";
		}
		boolean answered = approvals.answer(signedIn.userPk(), id, chosen ? Integer.parseInt(number) : 0, approve);
		if (!answered) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.APP_NOTIFICATION_ANSWERED,
				signedIn.tenantId(), signedIn.userId(), "APP_NOTIFICATION", approve, null));
		return "redirect:/security-info?answered";
	}

	/**
	 * "Not now" on the registration prompt (R-23: asked again at the next sign-in), "continue", and where
	 * sign-in leads when a relying application is waiting. The way back to the application is a page
	 * that moves on by itself ({@code Refresh}), not a redirect: a browser applies CSP {@code form-action}
	 * to every redirect after a form POST, and would stop a redirect to the application's origin.
	 */
	@GetMapping(CONTINUE)
	String showContinue(@AuthenticationPrincipal SignedInUser signedIn, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> target = returnTo.allowed(request.getSession(false), signedIn.tenantId());
		if (target.isEmpty()) {
			return "redirect:/security-info";
		}
		response.setHeader("Refresh", "0; url=" + target.get());
		model.addAttribute("target", target.get());
		model.addAttribute("origin", ReturnTo.origin(target.get()).orElseThrow());
		return VIEW_LEAVING;
	}

	/** the user says their info is still right; then on to where sign-in would have led. */
	@PostMapping("/security-info/confirm")
	String processConfirm(@AuthenticationPrincipal SignedInUser signedIn, HttpServletRequest request) {
		directory.confirmSecurityInfo(signedIn.userPk(), clock.instant());
		answered(request);
		return "redirect:" + CONTINUE;
	}

	/**
	 * the user wants to change something. Nothing is confirmed yet: saving a change is what
	 * confirms (ConfirmOnRegistration); changing nothing means being asked at the next sign-in.
	 */
	@PostMapping("/security-info/review")
	String processReview(HttpServletRequest request) {
		answered(request);
		return "redirect:/security-info?review";
	}

	private static void answered(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(RECONFIRM_ASKED);
		}
	}
}
