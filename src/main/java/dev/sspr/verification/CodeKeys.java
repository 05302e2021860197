package dev.sspr.verification;

import dev.sspr.delivery.Sealing;
import java.security.SecureRandom;

/** Turns a configured base64 key into bytes, or makes a random one and says so. */
final class CodeKeys {

	private CodeKeys() {
	}

	static byte[] keyOrGenerate(String configured, String property, SecureRandom random) {
		return Sealing.keyOrGenerate(configured, property, random);
	}
}
