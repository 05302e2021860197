package dev.sspr.delivery;

import java.util.Objects;

/**
 * A rendered message. {@code toString} leaves out the subject and body, which may hold a code, so
 * that a message never reaches a log by accident (R-53, S-24).
 */
public record OutgoingMessage(Channel channel, String destination, String subject, String body) {

	public OutgoingMessage {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(body, "body");
	}

	@Override
	public String toString() {
		return "OutgoingMessage[channel=" + channel + ", to=" + Masking.mask(channel, destination) + "]";
	}
}
