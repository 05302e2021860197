package dev.sspr.verification;

import dev.sspr.secrets.Keys;
import dev.sspr.secrets.Sealing;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for authenticator secrets at rest (R-71, S-22). The user's id is bound in as
 * associated data, so a ciphertext copied to another user's row does not decrypt.
 */
@Component
final class SecretCipher {

	private final Sealing sealing;

	SecretCipher(Keys keys) {
		this.sealing = new Sealing(keys.key(Keys.Key.TOTP));
	}
	String encrypt(byte[] secret, long userPk) {
		return sealing.seal(secret, "authenticator:" + userPk);
	}

	byte[] decrypt(String stored, long userPk) {
		return sealing.open(stored, "authenticator:" + userPk);
	}
}
