package dev.sspr.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the dev outbox; exists only when the dev outbox does. */
@Controller
@ConditionalOnProperty(name = "sspr.dev.outbox", havingValue = "true")
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
