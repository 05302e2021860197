package dev.sspr.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * HTML alternatives, the portal's or the tenant's {@code From}, a header naming the queued message,
 * and a {@code Message-ID} that is the same on every try of it, so that a copy a server received
 * twice (a try that timed out after all) is recognizably one message.
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

	/**
	 * {@code <outbox-ID.HASH@domain-of-From>}: the row's id, and a hash of what else stays the same on
	 * every try (destination, sender, subject), so two installations' message 7 differ.
	 */
	static String messageId(long messageId, OutgoingMessage message, String from) {
		String domain;
		try {
			String address = new InternetAddress(from).getAddress();
			domain = address.substring(address.lastIndexOf('@') + 1);
		}
		catch (AddressException | RuntimeException ex) {
			domain = "sspr.invalid";
		}
		if (domain.isBlank() || !domain.matches("[A-Za-z0-9.-]+")) {
			domain = "sspr.invalid";
		}
		String stable = messageId + "\n" + message.destination() + "\n" + from + "\n" + message.subject();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
			return "<outbox-" + messageId + "." + HexFormat.of().formatHex(digest, 0, 10) + "@" + domain + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String deliver(long messageId, OutgoingMessage message) throws DeliveryException {
		JavaMailSender sender = mail.getObject();
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, message.html() != null, StandardCharsets.UTF_8.name());
			String from = message.from() != null ? message.from() : properties.mailFrom();
			helper.setFrom(from);
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
			// JavaMailSenderImpl keeps a Message-ID that is set (it would otherwise make a new one per try).
			mime.setHeader("Message-ID", messageId(messageId, message, from));
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
