package dev.sspr.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with Spring Mail, on as soon as {@code spring.mail.host} is set: plain text and
 * HTML alternatives, the portal's or the tenant's {@code From}, and a header naming the queued
 * message so a duplicate could be recognized.
 */
@Component
final class SmtpTransport implements Transport {

	private final ObjectProvider<JavaMailSender> mail;
	private final DeliveryProperties properties;
	private final ObjectProvider<Letterhead.Source> letterheads;

	SmtpTransport(ObjectProvider<JavaMailSender> mail, DeliveryProperties properties,
			ObjectProvider<Letterhead.Source> letterheads) {
		this.mail = mail;
		this.properties = properties;
		this.letterheads = letterheads;
	}

	@Override
	public boolean handles(Channel channel) {
		return channel == Channel.EMAIL && mail.getIfAvailable() != null;
	}

	private static void inline(MimeMessageHelper helper, Letterhead.Logo logo) {
		try {
			helper.addInline("logo", new ByteArrayResource(logo.bytes()), logo.contentType());
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("logo could not be attached", ex);
		}
	}

	@Override
	public String deliver(long messageId, OutgoingMessage message) throws DeliveryException {
		JavaMailSender sender = mail.getObject();
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, message.html() != null, StandardCharsets.UTF_8.name());
			helper.setFrom(message.from() != null ? message.from() : properties.mailFrom());
			helper.setTo(message.destination());
			helper.setSubject(message.subject() == null ? "" : message.subject());
			if (message.html() != null) {
				helper.setText(message.body(), message.html());
				Letterhead.Source source = letterheads.getIfAvailable();
				if (message.html().contains("cid:logo") && message.tenantId() != null && source != null) {
					source.logo(message.tenantId()).ifPresent(logo -> inline(helper, logo));
				}
			}
			else {
				helper.setText(message.body());
			}
			mime.setHeader("X-SSPR-Message", Long.toString(messageId));
			sender.send(mime);
			return mime.getMessageID();
		}
		catch (MailSendException ex) {
			// An address the server refused will be refused again; a server that is down may come back.
			boolean refused = ex.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
			throw new DeliveryException(refused ? "address refused" : "SMTP server unavailable", refused);
		}
		catch (MailAuthenticationException ex) {
			throw new DeliveryException("SMTP authentication failed", false);
		}
		catch (MailException | MessagingException | IllegalArgumentException ex) {
			throw new DeliveryException("message could not be sent", false);
		}
	}
}
