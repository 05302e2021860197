package dev.sspr.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Verification settings (S-10, S-20, S-21).
 *
 * @param codeLength digits in a code sent by email, text or voice (6 to 10, default 8)
 * @param phoneCodeLifetime lifetime of text and voice codes (at most 10 minutes)
 * @param emailCodeLifetime lifetime of email codes (at most 60 minutes, default 10)
 * @param maxCodeAttempts wrong entries one code survives (default 5)
 * @param failuresBeforeBlock failed proofs of one account within {@code failureWindow} that block it (default 5)
 * @param failureWindow the window in which failures are counted (default 1 hour)
 * @param blockDuration how long a blocked account cannot reset (default 24 hours)
 */
@ConfigurationProperties("sspr.verification")
public record VerificationProperties(
		@DefaultValue("8") int codeLength,
		@DefaultValue("PT10M") Duration phoneCodeLifetime,
		@DefaultValue("PT10M") Duration emailCodeLifetime,
		@DefaultValue("5") int maxCodeAttempts,
		@DefaultValue("5") int failuresBeforeBlock,
		@DefaultValue("PT1H") Duration failureWindow,
		@DefaultValue("P1D") Duration blockDuration) {

	public VerificationProperties {
		if (codeLength < 6 || codeLength > 10) {
			throw new IllegalArgumentException("sspr.verification.code-length must be 6 to 10");
		}
		if (phoneCodeLifetime.compareTo(Duration.ofMinutes(10)) > 0 || phoneCodeLifetime.isNegative()) {
			throw new IllegalArgumentException("sspr.verification.phone-code-lifetime must be at most 10 minutes");
		}
		if (emailCodeLifetime.compareTo(Duration.ofMinutes(60)) > 0 || emailCodeLifetime.isNegative()) {
			throw new IllegalArgumentException("sspr.verification.email-code-lifetime must be at most 60 minutes");
		}
	}
}
