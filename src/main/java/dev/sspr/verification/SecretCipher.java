package dev.sspr.verification;

import dev.sspr.delivery.Sealing;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for authenticator secrets at rest (R-71, S-22). The user's id is bound in as
 * associated data, so a ciphertext copied to another user's row does not decrypt.
 */
@Component
final class SecretCipher {

	private final Sealing sealing;

	SecretCipher(VerificationProperties properties) {
		this.sealing = new Sealing(CodeKeys.keyOrGenerate(properties.totpKey(), "sspr.verification.totp-key",
				new SecureRandom()));
	}

	String encrypt(byte[] secret, long userPk) {
		return sealing.seal(secret, "authenticator:" + userPk);
	}

	byte[] decrypt(String stored, long userPk) {
		return sealing.open(stored, "authenticator:" + userPk);
	}
}
