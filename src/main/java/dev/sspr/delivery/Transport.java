package dev.sspr.delivery;

/**
 * Hands one message to the world: SMTP, a text or voice provider, or the dev outbox. Called only by
 * the outbox's dispatcher, which retries what fails.
 */
interface Transport {

	/** Whether this transport is configured to carry messages of this channel. */
	boolean handles(Channel channel);

	/** Real transports come before the dev outbox when both could carry a channel. */
	default boolean fallback() {
		return false;
	}

	/** @return the provider's id for the message, if it gives one */
	String deliver(long messageId, OutgoingMessage message) throws DeliveryException;

	/** A delivery that did not happen; permanent ones are not tried again. */
	final class DeliveryException extends Exception {

		private final boolean permanent;

		DeliveryException(String reason, boolean permanent) {
			super(reason, null, false, false);
			this.permanent = permanent;
		}

		boolean permanent() {
			return permanent;
		}
	}
}
