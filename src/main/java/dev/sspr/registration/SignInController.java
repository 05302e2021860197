package dev.sspr.registration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST, the session change and sign-out. */
@Controller
class SignInController {

	static final String VIEW = "registration/sign-in";

	private final ReturnTo returnTo;

	SignInController(ReturnTo returnTo) {
		this.returnTo = returnTo;
	}

	/** A relying application may send people here with {@code ?return_to=}; it is checked after sign-in. */
	@GetMapping("/sign-in")
	String showSignIn(HttpServletRequest request) {
		returnTo.capture(request);
		return VIEW;
	}
}
