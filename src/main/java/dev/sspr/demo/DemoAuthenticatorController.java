package dev.sspr.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Dev profile only: the demo authenticator's current code, for people without an app at hand. */
@Controller
@Profile("dev")
class DemoAuthenticatorController {

	private final DemoAuthenticators authenticators;

	DemoAuthenticatorController(DemoAuthenticators authenticators) {
		this.authenticators = authenticators;
	}

	@GetMapping("/dev/authenticator")
	String showCode(Model model) {
		model.addAttribute("users", DemoAuthenticators.USERS);
		model.addAttribute("secret", DemoAuthenticators.SECRET);
		model.addAttribute("code", authenticators.currentCode());
		model.addAttribute("secondsLeft", authenticators.secondsLeft());
		return "demo/authenticator";
	}
}
