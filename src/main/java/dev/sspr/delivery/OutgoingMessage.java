package dev.sspr.delivery;

import java.util.Objects;

/**
 * A rendered message. {@code toString} leaves out the subject and bodies, which may hold a code, so
 * that a message never reaches a log by accident (R-53, S-24).
 *
 * @param html the email's HTML body, or null (texts and calls; a plain email)
 * @param from the email's {@code From}, or null for the portal's
 * @param correlation what the message belongs to (a reset flow's id), so its fate can be looked up
 * @param tenantId whose logo an HTML email shows ({@code cid:logo}), or null
 * @param callbackUrl for a call that asks for a key: where the provider reports the key pressed
 * @param replacesEarlier a code or an approval call: it makes the earlier such messages of its
 *     correlation obsolete, and they must never arrive after it
 */
public record OutgoingMessage(Channel channel, String destination, String subject, String body, String html,
		String from, String correlation, Long tenantId, String callbackUrl, boolean replacesEarlier) {

	public OutgoingMessage {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(body, "body");
	}

	public OutgoingMessage(Channel channel, String destination, String subject, String body, String html,
			String from, String correlation, Long tenantId, String callbackUrl) {
		this(channel, destination, subject, body, html, from, correlation, tenantId, callbackUrl, false);
	}

	public OutgoingMessage(Channel channel, String destination, String subject, String body) {
		this(channel, destination, subject, body, null, null, null, null, null);
	}

	public OutgoingMessage withCorrelation(String correlationId) {
		return new OutgoingMessage(channel, destination, subject, body, html, from, correlationId, tenantId, callbackUrl,
				replacesEarlier);
	}

	/** This message belongs to the flow and replaces its earlier ones not yet sent (a new code). */
	public OutgoingMessage replacing(String correlationId) {
		return new OutgoingMessage(channel, destination, subject, body, html, from, correlationId, tenantId, callbackUrl,
				true);
	}

	@Override
	public String toString() {
		return "OutgoingMessage[channel=" + channel + ", to=" + Masking.mask(channel, destination) + "]";
	}
}
