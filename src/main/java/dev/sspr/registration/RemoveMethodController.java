package dev.sspr.registration;

import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import dev.sspr.verification.AuthenticatorApps;
import dev.sspr.verification.SecurityQuestions;
import java.util.List;
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
	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final MessageSender sender;
	private final MessageComposer composer;
	private final ApplicationEventPublisher events;

	RemoveMethodController(Directory directory, SecurityQuestions questions,
			AuthenticatorApps apps, MessageSender sender, MessageComposer composer, ApplicationEventPublisher events) {
		this.directory = directory;
		this.questions = questions;
		this.apps = apps;
		this.sender = sender;
		this.composer = composer;
		this.events = events;
	}

	@PostMapping("/security-info/{kind:email|phone|questions|app}/delete")
	@RecentPassword
	String processDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind, Model model,
			Locale locale) {
		UserAccount before = directory.user(user.userPk()).orElseThrow();
		switch (kind) {
			case "email" -> directory.setAuthenticationEmail(user.userPk(), null);
			case "phone" -> directory.setAuthenticationPhone(user.userPk(), null);
			case "questions" -> questions.register(user.userPk(), List.of());
			default -> apps.remove(user.userPk());
		}
		if ((kind.equals("email") || kind.equals("phone")) && before.resetEmail() != null) {
			String tenant = directory.tenantForUserId(user.userId()).map(TenantInfo::displayName).orElse("");
			sender.send(composer.contactChanged(before.resetEmail(), user.tenantId(), tenant, locale));
		}
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REMOVED, user.tenantId(),
				user.userId(), kind.toUpperCase(Locale.ROOT), true, null));
		return "redirect:/security-info?removed";
	}
}
