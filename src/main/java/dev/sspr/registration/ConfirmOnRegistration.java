package dev.sspr.registration;

import dev.sspr.directory.Directory;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registering, changing or removing a method counts as confirming the security info. */
@Component
final class ConfirmOnRegistration {

	private final Directory directory;
	private final Clock clock;

	ConfirmOnRegistration(Directory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	@EventListener
	void on(RegistrationActivity activity) {
		boolean changed = activity.kind() == RegistrationActivity.Kind.METHOD_REGISTERED
				|| activity.kind() == RegistrationActivity.Kind.METHOD_REMOVED;
		if (changed && activity.success()) {
			directory.findUser(activity.subject())
					.ifPresent(user -> directory.confirmSecurityInfo(user.id(), clock.instant()));
		}
	}
}
