package dev.sspr.registration;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST, the session change and sign-out. */
@Controller
class SignInController {

	static final String VIEW = "registration/sign-in";

	@GetMapping("/sign-in")
	String showSignIn() {
		return VIEW;
	}
}
