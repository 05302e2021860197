package dev.sspr.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest: authenticator seeds and queued messages, which carry
 * codes. A context string is bound in as associated data, so a ciphertext moved to another
 * row does not open.
 */
public final class Sealing {

	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;
	private final SecureRandom random = new SecureRandom();

	public Sealing(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("an AES-256 key has 32 bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	public String seal(byte[] plain, String context) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal", ex);
		}
	}

	public byte[] open(String sealed, String context) {
		try {
			byte[] all = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// Deliberately no detail: the message must not help anyone guess the key.
			throw new IllegalStateException("cannot open a sealed value");
		}
	}
}
