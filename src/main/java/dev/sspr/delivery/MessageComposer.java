package dev.sspr.delivery;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders messages from the message bundles in the recipient's language. */
@Component
public final class MessageComposer {

	private final MessageSource messages;

	MessageComposer(MessageSource messages) {
		this.messages = messages;
	}

	/** Tells the old address that the user's authentication contact changed, with no secret in it. */
	public OutgoingMessage contactChanged(String oldEmail, String tenantName, Locale locale) {
		return new OutgoingMessage(Channel.EMAIL, oldEmail,
				messages.getMessage("message.contactChanged.subject", new Object[] { tenantName }, locale),
				messages.getMessage("message.contactChanged.body", new Object[] { tenantName }, locale));
	}

	/** The same notice as a text to the phone that was replaced. */
	public OutgoingMessage contactChangedText(String oldPhone, String tenantName, Locale locale) {
		return new OutgoingMessage(Channel.SMS, oldPhone, null,
				messages.getMessage("message.contactChanged.sms", new Object[] { tenantName }, locale));
	}

	/** A verification code by email, text or voice; a voice script reads the digits one by one. */
	public OutgoingMessage verificationCode(Channel channel, String destination, String code, String tenantName,
			Duration lifetime, Locale locale) {
		String minutes = Long.toString(lifetime.toMinutes());
		return switch (channel) {
			case EMAIL -> new OutgoingMessage(channel, destination,
					messages.getMessage("message.code.email.subject", new Object[] { tenantName }, locale),
					messages.getMessage("message.code.email.body", new Object[] { code, tenantName, minutes }, locale));
			case SMS -> new OutgoingMessage(channel, destination, null,
					messages.getMessage("message.code.sms.body", new Object[] { code, tenantName, minutes }, locale));
			case VOICE -> new OutgoingMessage(channel, destination, null,
					messages.getMessage("message.code.voice.body",
							new Object[] { String.join(" ", code.split("")), tenantName }, locale));
		};
	}
}
