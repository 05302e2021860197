package dev.sspr.passkey;

import dev.sspr.secrets.Digests;
import dev.sspr.secrets.Keys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Challenges of the ceremonies: 32 random bytes, answered once on any instance (a primary-key insert
 * into {@code webauthn_challenge_used}, in its own transaction so that a refused proof cannot roll it
 * back). A sign-in challenge is issued before anyone is known, so it is stateless: a nonce, its expiry
 * and an HMAC over both, with a key derived from the captcha key (S-25: the same on every instance).
 */
@Component
class Challenges {

	static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
	static final Base64.Decoder DECODE = Base64.getUrlDecoder();
	private static final int NONCE = 32;
	private static final int MAC = 32;

	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final byte[] signInKey;
	private final SecureRandom random = new SecureRandom();

	Challenges(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, Keys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.signInKey = hmac(keys.key(Keys.Key.CAPTCHA), "sspr webauthn sign-in challenge key".getBytes(StandardCharsets.UTF_8));
	}

	/** A fresh random challenge, base64url. */
	String issue() {
		byte[] bytes = new byte[NONCE];
		random.nextBytes(bytes);
		return B64U.encodeToString(bytes);
	}

	/** A sign-in challenge that carries its own expiry and proof of origin. */
	String issueSigned(Instant expiresAt) {
		byte[] nonce = new byte[NONCE];
		random.nextBytes(nonce);
		ByteBuffer body = ByteBuffer.allocate(NONCE + Long.BYTES).put(nonce).putLong(expiresAt.getEpochSecond());
		return B64U.encodeToString(ByteBuffer.allocate(NONCE + Long.BYTES + MAC).put(body.array())
				.put(hmac(signInKey, body.array())).array());
	}

	/** When a signed challenge this portal issued expires; empty for anything else. */
	Optional<Instant> expiryOfSigned(String challenge) {
		if (challenge == null) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = DECODE.decode(challenge);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != NONCE + Long.BYTES + MAC) {
			return Optional.empty();
		}
		byte[] body = Arrays.copyOfRange(bytes, 0, NONCE + Long.BYTES);
		if (!MessageDigest.isEqual(hmac(signInKey, body), Arrays.copyOfRange(bytes, NONCE + Long.BYTES, bytes.length))) {
			return Optional.empty();
		}
		return Optional.of(Instant.ofEpochSecond(ByteBuffer.wrap(body, NONCE, Long.BYTES).getLong()));
	}

	boolean expired(Instant expiresAt) {
		return !clock.instant().isBefore(expiresAt);
	}

	/** Marks the challenge answered; false when some instance already had. */
	boolean consume(String challenge, Instant expiresAt) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
					.sql("insert into webauthn_challenge_used (challenge_hash, expires_at) values (?, ?)")
					.params(Digests.sha256Hex(challenge), PasskeyStore.utc(expiresAt)).update());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}
}
