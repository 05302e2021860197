package dev.sspr.verification;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 codes: HMAC-SHA1, 30-second steps, 6 digits, as every authenticator app computes them. */
public final class Totp {

	public static final Duration STEP = Duration.ofSeconds(30);
	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	private Totp() {
	}

	public static long stepOf(Instant instant) {
		return instant.getEpochSecond() / STEP.toSeconds();
	}

	/** The code for a time step. */
	public static String codeAt(byte[] secret, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, GENERATOR.getAlgorithm()),
					Instant.ofEpochSecond(step * STEP.toSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("invalid authenticator secret");
		}
	}
}
