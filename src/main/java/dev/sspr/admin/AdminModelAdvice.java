package dev.sspr.admin;

import dev.sspr.registration.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: the wide layout and who is signed in. */
@ControllerAdvice(basePackageClasses = AdminModelAdvice.class)
class AdminModelAdvice {

	@ModelAttribute("adminConsole")
	boolean adminConsole() {
		return true;
	}

	@ModelAttribute("admin")
	SignedInUser admin(@AuthenticationPrincipal Object principal) {
		return principal instanceof SignedInUser user ? user : null;
	}

	/** The console's own sign-in page; Spring Security handles the POST, the session change and sign-out. */
	@Controller
	static class SignInPage {

		@GetMapping("/admin/sign-in")
		String showSignIn() {
			return "admin/sign-in";
		}
	}
}
