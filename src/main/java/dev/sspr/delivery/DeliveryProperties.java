package dev.sspr.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message delivery ({@code sspr.delivery.*}, R-17, R-50 to R-53).
 *
 * @param mailFrom the {@code From} of every email (a tenant may set its own)
 * @param maxAttempts deliveries tried before a message is given up as failed
 * @param firstRetry the wait before the second try; each further wait is four times longer
 * @param pollInterval how often queued messages that are due are looked for
 * @param provider the text and voice provider's HTTP API (Twilio-style); without a base URL texts
 *     and calls have no transport (only the dev profile's outbox stands in)
 * @param voiceApproval calls ask the user to press # to approve instead of reading a code
 * @param callbackBaseUrl the portal's public address, which the provider calls back with the key
 *     pressed (needed with {@code voiceApproval} and a provider)
 */
@ConfigurationProperties("sspr.delivery")
public record DeliveryProperties(
		@DefaultValue("SSPR <no-reply@sspr.invalid>") String mailFrom,
		@DefaultValue("5") int maxAttempts,
		@DefaultValue("10s") Duration firstRetry,
		@DefaultValue("2s") Duration pollInterval,
		@DefaultValue Provider provider,
		@DefaultValue("false") boolean voiceApproval,
		String callbackBaseUrl) {

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
		if (voiceApproval && provider.configured() && (callbackBaseUrl == null || !callbackBaseUrl.startsWith("https://"))) {
			throw new IllegalArgumentException("sspr.delivery.voice-approval with a provider needs an https:// "
					+ "sspr.delivery.callback-base-url that the provider can call back");
		}
	}
}
