package dev.sspr.secrets;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The server keys that must survive a restart and be the same on every instance (S-25): each a
 * base64 32-byte value from configuration. Outside the {@code dev} profile a missing or malformed
 * key stops the portal at start-up, naming every such key at once; a generated key would make
 * every authenticator undecryptable and every queued message unreadable after the next restart.
 * Only {@code dev} generates the missing ones, for that run.
 */
@Component
public final class Keys {

	/** Each key, by the property that holds it. */
	public enum Key {
		/** AES key that encrypts authenticator secrets at rest (S-22). */
		TOTP("sspr.verification.totp-key"),
		/** HMAC key of one-time code hashes (S-20). */
		CODES("sspr.verification.code-key"),
		/** AES key that seals queued messages, which carry codes. */
		OUTBOX("sspr.delivery.outbox-key"),
		/** HMAC key that signs captcha challenges. */
		CAPTCHA("sspr.captcha.hmac-key");

		private final String property;

		Key(String property) {
			this.property = property;
		}

		public String property() {
			return property;
		}
	}

	static final int LENGTH = 32;
	private static final Logger log = LoggerFactory.getLogger(Keys.class);

	private final Map<Key, byte[]> keys = new EnumMap<>(Key.class);

	public Keys(Environment environment) {
		Binder settings = Binder.get(environment);
		boolean mayGenerate = environment.matchesProfiles("dev");
		SecureRandom random = new SecureRandom();
		List<String> problems = new ArrayList<>();
		for (Key key : Key.values()) {
			String configured = settings.bind(key.property(), String.class).orElse("").strip();
			if (configured.isEmpty() && mayGenerate) {
				byte[] generated = new byte[LENGTH];
				random.nextBytes(generated);
				keys.put(key, generated);
				log.warn("{} is not set: generated a key for this run only (dev profile)", key.property());
			}
			else if (configured.isEmpty()) {
				problems.add(key.property() + " is not set");
			}
			else {
				byte[] decoded = decode(configured);
				if (decoded == null) {
					// The value itself is a secret: never part of the message.
					problems.add(key.property() + " is not a base64 value of " + LENGTH + " bytes");
				}
				else {
					keys.put(key, decoded);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new MissingSettingException(problems, "Set each key to 32 random bytes, base64-encoded "
					+ "(`openssl rand -base64 32`), the same on every instance, and keep it: a changed key makes "
					+ "registered authenticator apps and queued messages unreadable. Only the dev profile "
					+ "(--spring.profiles.active=dev) generates keys for a single run.");
		}
	}

	/** The key's 32 bytes (a copy). */
	public byte[] key(Key key) {
		return keys.get(key).clone();
	}

	private static byte[] decode(String configured) {
		try {
			byte[] decoded = Base64.getDecoder().decode(configured);
			return decoded.length == LENGTH ? decoded : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
