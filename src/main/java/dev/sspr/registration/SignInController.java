package dev.sspr.registration;

import dev.sspr.passkey.Passkeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POSTs (password and passkey), the session change and sign-out. */
@Controller
class SignInController {

	static final String VIEW = "registration/sign-in";

	private final Passkeys passkeys;

	SignInController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	/**
	 * A relying application may send people here with {@code ?return_to=}: the forms carry it to the
	 * sign-in POST, where it is checked against the tenant's allow-list. Nothing is stored before that:
	 * the passkey challenge is signed and carries its own expiry, so the page needs no session.
	 */
	@GetMapping("/sign-in")
	String showSignIn(HttpServletRequest request, Model model) {
		model.addAttribute("returnTo", ReturnTo.requested(request).orElse(null));
		model.addAttribute("passkeyRequest", passkeys.signInRequest());
		model.addAttribute("relyingParty", passkeys.relyingParty());
		return VIEW;
	}
}
