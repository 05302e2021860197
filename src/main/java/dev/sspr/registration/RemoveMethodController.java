package dev.sspr.registration;

import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Deleting a registered method. Removing a way to recover the account needs the password
 * typed in the last five minutes; removing an email or phone is told to the user's email.
 */
@Controller
class RemoveMethodController {

	private final Directory directory;
	private final RegisteredMethods registrations;
	private final MessageSender sender;
	private final MessageComposer composer;
	private final ApplicationEventPublisher events;

	RemoveMethodController(Directory directory, RegisteredMethods registrations, MessageSender sender,
			MessageComposer composer, ApplicationEventPublisher events) {
		this.directory = directory;
		this.registrations = registrations;
		this.sender = sender;
		this.composer = composer;
		this.events = events;
	}

	@PostMapping("/security-info/{kind:email|phone|questions|app}/delete")
	@RecentPassword
	String processDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind, Model model,
			Locale locale) {
		RegisteredMethod method = RegisteredMethod.of(kind);
		UserAccount before = directory.user(user.userPk()).orElseThrow();
		registrations.remove(user.userPk(), method);
		if (method.contact() && before.resetEmail() != null) {
			String tenant = directory.tenantForUserId(user.userId()).map(TenantInfo::displayName).orElse("");
			sender.send(composer.contactChanged(before.resetEmail(), user.tenantId(), tenant, locale));
		}
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REMOVED, user.tenantId(),
				user.userId(), method.name(), true, null));
		return "redirect:/security-info?removed";
	}
}
