package dev.sspr.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for authenticator secrets at rest (R-71, S-22). The user's id is bound in as
 * associated data, so a ciphertext copied to another user's row does not decrypt.
 */
@Component
final class SecretCipher {

	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;
	private final SecureRandom random = new SecureRandom();

	SecretCipher(VerificationProperties properties) {
		this.key = new SecretKeySpec(CodeKeys.keyOrGenerate(properties.totpKey(), "sspr.verification.totp-key", random),
				"AES");
	}

	String encrypt(byte[] secret, long userPk) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(aad(userPk));
			byte[] sealed = cipher.doFinal(secret);
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot encrypt authenticator secret", ex);
		}
	}

	byte[] decrypt(String stored, long userPk) {
		try {
			byte[] all = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			cipher.updateAAD(aad(userPk));
			return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			// Deliberately no detail: the message must not help anyone guess the key.
			throw new IllegalStateException("cannot decrypt authenticator secret");
		}
	}

	private static byte[] aad(long userPk) {
		return ("authenticator:" + userPk).getBytes(StandardCharsets.US_ASCII);
	}
}
