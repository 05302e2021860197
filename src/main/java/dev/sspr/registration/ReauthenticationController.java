package dev.sspr.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	ReauthenticationController(Reauthentication reauthentication, PasswordCheck passwords, SessionRenewal sessions) {
		this.reauthentication = reauthentication;
		this.passwords = passwords;
		this.sessions = sessions;
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
}
