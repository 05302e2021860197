package dev.sspr.captcha;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import dev.sspr.secrets.Keys;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;

/**
 * ALTCHA proof-of-work: the server signs a challenge, the browser searches for the number whose
 * hash matches, the server checks signature, expiry and that the answer was not used before.
 */
@Component
final class AltchaCaptcha implements CaptchaVerifier {

	private static final int MAX_PAYLOAD = 2048;

	/** A challenge as the widget expects it (ALTCHA protocol v1). */
	record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
	}

	private final CaptchaProperties properties;
	private final String hmacKey;
	private final Cache<String, Boolean> used;

	AltchaCaptcha(CaptchaProperties properties, Keys keys) {
		this.properties = properties;
		this.hmacKey = HexFormat.of().formatHex(keys.key(Keys.Key.CAPTCHA));
		this.used = Caffeine.newBuilder().maximumSize(500_000).expireAfterWrite(properties.lifetime()).build();
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
		return used.asMap().putIfAbsent(signature, Boolean.TRUE) == null;
	}
}
