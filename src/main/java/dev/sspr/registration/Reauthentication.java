package dev.sspr.registration;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Sensitive changes (replacing or deleting a method) need the password typed in the last five minutes. */
@Component
final class Reauthentication {

	static final Duration WINDOW = Duration.ofMinutes(5);
	static final String VIEW = "registration/reauth";

	private final Clock clock;

	Reauthentication(Clock clock) {
		this.clock = clock;
	}

	boolean recent(SignedInUser user) {
		return !user.authenticatedAt().plus(WINDOW).isBefore(clock.instant());
	}

	/** The page that asks for the password again; it posts to {@code /security-info/{kind}/reauth}. */
	String page(String kind, Model model, String error) {
		model.addAttribute("kind", kind);
		model.addAttribute("error", error);
		return VIEW;
	}
}
