package dev.sspr.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one form in which single-use values (captcha signatures, passkey challenges, invitation and
 * voice-callback tokens) are stored: their SHA-256, in hex, so that a table of them gives nothing away.
 */
public final class Digests {

	private Digests() {
	}

	/** Hex SHA-256 of the value's UTF-8 bytes. */
	public static String sha256Hex(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}
}
