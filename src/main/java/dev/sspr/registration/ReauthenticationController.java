package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.passkey.AssertionForm;
import dev.sspr.passkey.Ceremonies;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Passkeys;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The password typed again for a sensitive change ({@link RecentPassword}); then back to the change. */
@Controller
class ReauthenticationController {

	record ReauthForm(String password) {

		@Override
		public String toString() {
			return "ReauthForm[****]";
		}
	}


	private final Reauthentication reauthentication;
	private final PasswordCheck passwords;
	private final SessionRenewal sessions;
	private final Passkeys passkeys;
	private final Throttle throttle;

	ReauthenticationController(Reauthentication reauthentication, PasswordCheck passwords, SessionRenewal sessions,
			Passkeys passkeys, Throttle throttle) {
		this.reauthentication = reauthentication;
		this.passwords = passwords;
		this.sessions = sessions;
		this.passkeys = passkeys;
		this.throttle = throttle;
	}

	@PostMapping("/security-info/{kind:email|phone|questions|app|passkey}/reauth")
	String processReauth(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind,
			@ModelAttribute ReauthForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
		switch (passwords.check(user, form.password()).outcome()) {
			case THROTTLED -> {
				return reauthentication.page(kind, model, "registration.password.throttled");
			}
			case WRONG -> {
				return reauthentication.page(kind, model, "registration.password.currentWrong");
			}
			case RIGHT -> {
				// the password was typed just now: the session counts as recently authenticated
			}
		}
		sessions.renew(user, request, response);
		return "redirect:" + Reauthentication.then(kind, request.getSession(false));
	}

	/**
	 * One of the user's passkeys instead of the password, answering the challenge the password page
	 * offered. Tries count against the same per-user limit as passwords typed here; a wrong one reads alike.
	 */
	@PostMapping("/security-info/{kind:email|phone|questions|app|passkey}/reauth/passkey")
	String processPasskeyReauth(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind,
			@Valid @ModelAttribute("assertionForm") AssertionForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		AssertionRequest offered = Reauthentication.takePasskeyRequest(request.getSession(false));
		if (!throttle.tryAcquire(Limit.SIGN_IN_PER_USER, Directory.normalizeUserId(user.userId()))) {
			return reauthentication.page(kind, model, "registration.password.throttled");
		}
		if (offered == null || result.hasErrors()
				|| passkeys.prove(user.userPk(), offered, form.assertion()) != Ceremonies.Proof.VALID) {
			return reauthentication.page(kind, model, "registration.reauth.passkey.failed");
		}
		sessions.renew(user, request, response);
		return "redirect:" + Reauthentication.then(kind, request.getSession(false));
	}
}
