package dev.sspr.verification;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a configured base64 key into bytes, or makes a random one and says so. */
final class CodeKeys {

	private static final Logger log = LoggerFactory.getLogger(CodeKeys.class);

	private CodeKeys() {
	}

	static byte[] keyOrGenerate(String configured, String property, SecureRandom random) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.strip());
			if (key.length != 32) {
				throw new IllegalArgumentException(property + " must be 32 bytes, base64-encoded");
			}
			return key;
		}
		byte[] key = new byte[32];
		random.nextBytes(key);
		log.warn("{} is not set: generated a random key for this run only (fine for development, not for production)",
				property);
		return key;
	}
}
