package dev.sspr.delivery;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the dev outbox; exists, like the outbox, only in the {@code dev} profile. */
@Controller
@Profile("dev")
class DevOutboxController {

	static final String VIEW = "delivery/outbox";

	private final DevOutbox outbox;

	DevOutboxController(DevOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/dev/outbox")
	String showOutbox(Model model) {
		model.addAttribute("entries", outbox.entries());
		return VIEW;
	}
}
