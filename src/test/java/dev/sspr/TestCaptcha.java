package dev.sspr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Solves the portal's ALTCHA challenge the way the browser widget does. */
public final class TestCaptcha {

	private TestCaptcha() {
	}

	/** @param challengeJson the body of {@code GET /captcha/challenge} */
	public static String solve(String challengeJson) {
		JsonNode challenge = JsonMapper.shared().readTree(challengeJson);
		try {
			Altcha.Solution solution = Altcha.solveChallenge(challenge.path("challenge").asString(),
					challenge.path("salt").asString(), Altcha.Algorithm.SHA256, challenge.path("maxnumber").asLong(), 0L);
			String payload = JsonMapper.shared().writeValueAsString(java.util.Map.of(
					"algorithm", challenge.path("algorithm").asString(),
					"challenge", challenge.path("challenge").asString(),
					"number", solution.number,
					"salt", challenge.path("salt").asString(),
					"signature", challenge.path("signature").asString()));
			return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot solve captcha", ex);
		}
	}
}
