package dev.sspr.guest;

import dev.sspr.directory.Directory;
import dev.sspr.directory.Guest;
import dev.sspr.policy.PasswordPolicy;
import dev.sspr.policy.PasswordViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A guest's invitation link. Opening it only shows the invitation, since mail scanners open
 * links too; the form on the page redeems it, once. Unknown, expired, used and malformed tokens all
 * get the same page. The page is never cached and sends no referrer, so the token stays where it was.
 */
@Controller
class InvitationController {

	static final String VIEW = "guest/invitation";
	static final String DONE_VIEW = "guest/invitation-done";
	static final String INVALID_VIEW = "guest/invitation-invalid";

	/**
	 * The token (and, for a guest without a home, the password chosen). Its {@code toString} shows none
	 * of them: Spring's trace log prints a handler's arguments.
	 */
	record RedeemForm(String token, String newPassword, String confirmPassword) {

		@Override
		public String toString() {
			return "RedeemForm[hidden]";
		}
	}

	private final Invitations invitations;
	private final Directory directory;
	private final dev.sspr.directory.ConsumerDomains consumerDomains;

	InvitationController(Invitations invitations, Directory directory, dev.sspr.directory.ConsumerDomains consumerDomains) {
		this.consumerDomains = consumerDomains;
		this.invitations = invitations;
		this.directory = directory;
	}

	@InitBinder("redeemForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("token", "newPassword", "confirmPassword");
	}

	@GetMapping("/invitation")
	String initRedeem(@ModelAttribute("redeemForm") RedeemForm form, BindingResult result, HttpServletResponse response,
			Model model) {
		keepPrivate(response);
		return invitations.open(form.token())
				.map(pending -> page(pending, form.token(), model))
				.orElseGet(() -> invalid(response));
	}

	@PostMapping("/invitation")
	String processRedeem(@ModelAttribute("redeemForm") RedeemForm form, BindingResult result, HttpServletResponse response,
			Model model) {
		keepPrivate(response);
		Invitations.Redemption redemption = invitations.redeem(form.token(), form.newPassword(), form.confirmPassword());
		if (redemption instanceof Invitations.Redemption.Refused refused) {
			String page = page(refused.invitation(), form.token(), model);
			// The errors are the blank form's, so that no password stays in the model.
			BindingResult errors = new DirectFieldBindingResult(model.getAttribute("redeemForm"), "redeemForm");
			for (PasswordViolation violation : refused.violations()) {
				String field = violation.messageKey().equals("password.rule.mismatch") ? "confirmPassword" : "newPassword";
				errors.rejectValue(field, violation.messageKey(), violation.argumentArray(), null);
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "redeemForm", errors);
			return page;
		}
		if (redemption instanceof Invitations.Redemption.Redeemed redeemed) {
			model.addAttribute("tenant", redeemed.invitation().tenant());
			model.addAttribute("invitation", redeemed.invitation());
			// A personal account's provider is its home: the tenant's words for partner organizations are not for it.
			if (redeemed.invitation().home() == Guest.Home.ORGANIZATION
					&& !consumerDomains.isConsumer(redeemed.invitation().guest())) {
				model.addAttribute("outside", directory.outsideGuestPage(redeemed.invitation().tenant().id()));
			}
			return DONE_VIEW;
		}
		return invalid(response);
	}

	private String page(Invitations.Pending pending, String token, Model model) {
		// A password is never sent back to the browser; the token goes back in the hidden field.
		model.addAttribute("redeemForm", new RedeemForm(token, null, null));
		model.addAttribute("tenant", pending.tenant());
		model.addAttribute("invitation", pending);
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		// The language picker keeps the token, or switching language would lose the invitation.
		model.addAttribute("languageCarry", java.util.Map.of("token", token));
		return VIEW;
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return INVALID_VIEW;
	}

	private static void keepPrivate(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}
}
