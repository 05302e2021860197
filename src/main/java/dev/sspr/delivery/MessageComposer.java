package dev.sspr.delivery;

import dev.sspr.language.Languages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders messages from the message bundles in the recipient's language: emails as plain
 * text and as HTML (the {@code mail/message} template) with the organization's name and helpdesk
 * contact, texts and call scripts as plain text. No message but a code message or an invitation carries a secret.
 * In Arabic and Hebrew the HTML runs right to left; the message source isolates every argument (a
 * code, an address) so that it keeps left-to-right order inside the sentence, in the plain text too.
 */
@Component
public final class MessageComposer {

	private final MessageSource messages;
	private final ITemplateEngine templates;
	private final ObjectProvider<Letterhead.Source> letterheads;

	MessageComposer(MessageSource messages, ITemplateEngine templates, ObjectProvider<Letterhead.Source> letterheads) {
		this.messages = messages;
		this.templates = templates;
		this.letterheads = letterheads;
	}

	/** Tells the old address that the user's authentication contact changed, with no secret in it. */
	public OutgoingMessage contactChanged(String oldEmail, long tenantId, String tenantName, Locale locale) {
		Letterhead letterhead = letterhead(tenantId, tenantName);
		return email(oldEmail, tenantId, letterhead, locale, text("message.contactChanged.subject", locale, tenantName),
				text("message.contactChanged.body", locale, tenantName), null, true);
	}

	/**
	 * Tells the user's email that a passkey was added to or removed from their account, as a changed
	 * contact is told: no credential id and no passkey name, only that it happened.
	 */
	public OutgoingMessage passkeyChanged(String email, long tenantId, String tenantName, boolean added, Locale locale) {
		Letterhead letterhead = letterhead(tenantId, tenantName);
		String key = added ? "message.passkeyAdded" : "message.passkeyRemoved";
		return email(email, tenantId, letterhead, locale, text(key + ".subject", locale, tenantName),
				text(key + ".body", locale, tenantName), null, true);
	}

	/** The same notice as a text to the phone that was replaced. */
	public OutgoingMessage contactChangedText(String oldPhone, String tenantName, Locale locale) {
		return new OutgoingMessage(Channel.SMS, oldPhone, null, text("message.contactChanged.sms", locale, tenantName));
	}

	/**
	 * A guest's invitation: the one message besides a code message that carries a secret, the
	 * one-time link, which the guest needs and nothing else does.
	 *
	 * @param link the redemption link with its token
	 * @param lifetime how long the link works
	 */
	public OutgoingMessage invitation(String email, long tenantId, String tenantName, String link, Duration lifetime,
			Locale locale) {
		Letterhead letterhead = letterhead(tenantId, tenantName);
		String days = Long.toString(Math.max(1, lifetime.toDays()));
		return email(email, tenantId, letterhead, locale, text("message.invitation.subject", locale, letterhead.organization()),
				text("message.invitation.body", locale, letterhead.organization(), link, days), null, false);
	}

	/** the user's own password was reset or changed. */
	public OutgoingMessage passwordChanged(String email, long tenantId, String tenantName, String userId, Locale locale) {
		Letterhead letterhead = letterhead(tenantId, tenantName);
		return email(email, tenantId, letterhead, locale, text("message.passwordChanged.subject", locale, tenantName),
				text("message.passwordChanged.body", locale, tenantName, userId), null, true);
	}

	/** another administrator of the tenant reset their password. */
	public OutgoingMessage adminPasswordReset(String email, long tenantId, String tenantName, String adminName,
			String adminUserId, Locale locale) {
		Letterhead letterhead = letterhead(tenantId, tenantName);
		return email(email, tenantId, letterhead, locale, text("message.adminReset.subject", locale, tenantName, adminName),
				text("message.adminReset.body", locale, tenantName, adminName, adminUserId), null, true);
	}

	/**
	 * A call that asks the user to press # to approve a reset (instead of reading a code); the
	 * provider reports the key pressed to {@code callbackUrl}.
	 */
	public OutgoingMessage approvalCall(String phone, String tenantName, String callbackUrl, Locale locale) {
		return new OutgoingMessage(Channel.VOICE, phone, null, text("message.approvalCall.body", locale, tenantName), null,
				null, null, null, callbackUrl);
	}

	/** A verification code by email, text or voice; a voice script reads the digits one by one. */
	public OutgoingMessage verificationCode(Channel channel, String destination, String code, long tenantId,
			String tenantName, Duration lifetime, Locale locale) {
		String minutes = Long.toString(lifetime.toMinutes());
		return switch (channel) {
			case EMAIL -> email(destination, tenantId, letterhead(tenantId, tenantName), locale,
					text("message.code.email.subject", locale, tenantName),
					text("message.code.email.body", locale, code, tenantName, minutes), code, false);
			case SMS -> new OutgoingMessage(channel, destination, null,
					text("message.code.sms.body", locale, code, tenantName, minutes));
			case VOICE -> new OutgoingMessage(channel, destination, null,
					text("message.code.voice.body", locale, String.join(" ", code.split("")), tenantName));
		};
	}

	private OutgoingMessage email(String to, long tenantId, Letterhead letterhead, Locale locale, String subject,
			String body, String code, boolean notMe) {
		List<String> footer = new ArrayList<>();
		if (notMe) {
			footer.add(text("message.notMe", locale));
		}
		if (letterhead.helpdeskUrl() != null || letterhead.helpdeskEmail() != null) {
			footer.add(text("message.helpdesk", locale, letterhead.organization(),
					String.join(" ", Arrays.asList(letterhead.helpdeskUrl() == null ? "" : letterhead.helpdeskUrl(),
							letterhead.helpdeskEmail() == null ? "" : letterhead.helpdeskEmail())).strip()));
		}
		String plain = footer.isEmpty() ? body : body + "\n\n" + String.join("\n", footer);
		Context context = new Context(locale);
		context.setVariable("subject", subject);
		context.setVariable("organization", letterhead.organization());
		context.setVariable("lines", Arrays.stream(body.split("\n")).filter(l -> !l.isBlank()).toList());
		context.setVariable("code", code);
		context.setVariable("footer", footer);
		context.setVariable("lang", Languages.of(locale).tag());
		context.setVariable("dir", Languages.rightToLeft(locale) ? "rtl" : "ltr");
		// The logo travels inside the mail (cid:logo), attached when it is sent: no image from the web.
		context.setVariable("logo", letterhead.mailLogo());
		String html = templates.process("mail/message", context);
		return new OutgoingMessage(Channel.EMAIL, to, subject, plain, html, letterhead.mailFrom(), null, tenantId, null);
	}

	private Letterhead letterhead(long tenantId, String tenantName) {
		Letterhead.Source source = letterheads.getIfAvailable();
		Letterhead found = source == null ? null : source.of(tenantId).orElse(null);
		return found != null ? found : new Letterhead(tenantName, null, null, null, false);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
