package dev.sspr.registration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST, the session change and sign-out. */
@Controller
class SignInController {

	static final String VIEW = "registration/sign-in";

	/**
	 * A relying application may send people here with {@code ?return_to=}: the form carries it to the
	 * sign-in POST, where it is checked against the tenant's allow-list. Nothing is stored before that.
	 */
	@GetMapping("/sign-in")
	String showSignIn(HttpServletRequest request, Model model) {
		model.addAttribute("returnTo", ReturnTo.requested(request).orElse(null));
		return VIEW;
	}
}
