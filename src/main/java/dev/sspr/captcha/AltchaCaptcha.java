package dev.sspr.captcha;

import dev.sspr.secrets.Digests;
import dev.sspr.secrets.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.altcha.altcha.Altcha;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA proof-of-work: the server signs a challenge, the browser searches for the number whose
 * hash matches, the server checks signature, expiry and that the answer was not used before. Used
 * challenges are rows of {@code captcha_used}, shared by every instance: one solution is accepted
 * once in total.
 */
@Component
final class AltchaCaptcha implements CaptchaVerifier {

	private static final int MAX_PAYLOAD = 2048;

	/** A challenge as the widget expects it (ALTCHA protocol v1). */
	record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
	}

	private final CaptchaProperties properties;
	private final String hmacKey;
	private final JdbcClient jdbc;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;

	AltchaCaptcha(CaptchaProperties properties, Keys keys, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		this.properties = properties;
		this.hmacKey = HexFormat.of().formatHex(keys.key(Keys.Key.CAPTCHA));
		this.jdbc = jdbc;
		// A duplicate key must not spoil the caller's transaction (PostgreSQL aborts it), so the mark is a short
		// transaction of its own (the JPA transaction manager has no savepoints), committed at once.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	Challenge newChallenge() {
		try {
			Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
					.setAlgorithm(Altcha.Algorithm.SHA256)
					.setMaxNumber(properties.maxNumber())
					.setHmacKey(hmacKey)
					.setExpiresInSeconds(properties.lifetime().toSeconds()));
			return new Challenge(challenge.algorithm, challenge.challenge, challenge.maxnumber, challenge.salt,
					challenge.signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot create captcha challenge", ex);
		}
	}

	@Override
	public boolean verify(String answer) {
		if (answer == null || answer.isBlank() || answer.length() > MAX_PAYLOAD) {
			return false;
		}
		String signature;
		try {
			if (!Altcha.verifySolution(answer.strip(), hmacKey, true)) {
				return false;
			}
			// One answer per challenge: key the replay guard on the signed challenge, not the payload's spelling.
			signature = JsonMapper.shared().readTree(new String(Base64.getDecoder().decode(answer.strip()), StandardCharsets.UTF_8))
					.path("signature").asString();
		}
		catch (Exception ex) {
			// Malformed answers are simply wrong answers; nothing worth a stack trace.
			return false;
		}
		return markUsed(signature);
	}

	/** Records the challenge as used; false when some instance already had. */
	private boolean markUsed(String signature) {
		// A signed challenge is valid for its lifetime from issue, so the mark may go once that has passed from now.
		Instant expires = clock.instant().plus(properties.lifetime());
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
					.sql("insert into captcha_used (signature_hash, expires_at) values (?, ?)")
					.params(Digests.sha256Hex(signature), expires.atOffset(ZoneOffset.UTC))
					.update());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}
}
