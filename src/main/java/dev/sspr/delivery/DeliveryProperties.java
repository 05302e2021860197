package dev.sspr.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message delivery ({@code sspr.delivery.*}, R-17, R-50 to R-53).
 *
 * @param outboxKey base64 32-byte AES key sealing queued messages (they carry codes); generated per
 *     run when unset, which loses queued messages at a restart
 * @param mailFrom the {@code From} of every email (a tenant may set its own)
 * @param maxAttempts deliveries tried before a message is given up as failed
 * @param firstRetry the wait before the second try; each further wait is four times longer
 * @param pollInterval how often queued messages that are due are looked for
 * @param provider the text and voice provider's HTTP API (Twilio-style); without a base URL texts
 *     and calls go to the dev outbox
 */
@ConfigurationProperties("sspr.delivery")
public record DeliveryProperties(
		String outboxKey,
		@DefaultValue("SSPR <no-reply@sspr.invalid>") String mailFrom,
		@DefaultValue("5") int maxAttempts,
		@DefaultValue("10s") Duration firstRetry,
		@DefaultValue("2s") Duration pollInterval,
		@DefaultValue Provider provider) {

	/** The provider's API root, account and token, the number texts come from, and the timeouts. */
	public record Provider(String baseUrl, String accountId, String token, String fromNumber,
			@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout) {

		public boolean configured() {
			return baseUrl != null && !baseUrl.isBlank();
		}
	}

	public DeliveryProperties {
		if (maxAttempts < 1 || maxAttempts > 20) {
			throw new IllegalArgumentException("sspr.delivery.max-attempts must be between 1 and 20");
		}
	}
}
