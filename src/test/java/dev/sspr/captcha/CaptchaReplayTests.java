package dev.sspr.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.sspr.PortalTest;
import dev.sspr.TestCaptcha;
import dev.sspr.TestClock;
import dev.sspr.retention.RetentionJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** One solved challenge is accepted once, whichever instance sees it: the guard is a table. */
@PortalTest
class CaptchaReplayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaptchaVerifier captcha;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionJob retention;

	@Autowired
	TestClock clock;

	@Test
	void whenASolutionIsUsedTwiceThenTheSecondIsRefused() throws Exception {
		String solution = solved();

		assertThat(captcha.verify(solution)).isTrue();
		assertThat(captcha.verify(solution)).isFalse();
	}

	@Test
	void whenUsedThenTheTableHoldsAHashOfTheSignatureUntilTheChallengeExpires() throws Exception {
		String solution = solved();
		String signature = tools.jackson.databind.json.JsonMapper.shared()
				.readTree(new String(java.util.Base64.getDecoder().decode(solution), StandardCharsets.UTF_8))
				.path("signature").asString();
		long before = count();

		assertThat(captcha.verify(solution)).isTrue();
		assertThat(count()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from captcha_used where signature_hash = ?").param(signature)
				.query(Long.class).single()).as("the signature itself is not stored").isZero();

		clock.advance(Duration.ofMinutes(21));
		retention.purge();
		assertThat(count()).as("past the 20-minute lifetime").isLessThanOrEqualTo(before);
	}

	private long count() {
		return jdbc.sql("select count(*) from captcha_used").query(Long.class).single();
	}

	private String solved() throws Exception {
		return TestCaptcha.solve(mvc.perform(get("/captcha/challenge")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
	}
}
