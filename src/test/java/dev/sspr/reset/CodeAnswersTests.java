package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.TestUsers;
import dev.sspr.throttle.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What the verify step answers to a typed code (S-10, S-11): a wrong code reads the same
 * whether or not a code went out, and counts alike; a code replaced by "send a new code" says so
 * and does not count, since only someone who received it can type it.
 */
class CodeAnswersTests extends ResetWebTestSupport {

	static final String WRONG = "That code isn't right";

	String fabrikamUser(String email) {
		return TestUsers.in(jdbc).fabrikam().withEmail(email).create();
	}


	/** Uses up the account's sends, so that the next one is suppressed (S-11). */
	void exhaustSends(String userId) {
		String pk = Long.toString(jdbc.sql("select id from directory_user where user_id = ?").param(userId)
				.query(Long.class).single());
		while (throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, pk)) {
			// drain the bucket
		}
	}

	MockJourney waitingForCode(String userId, String email) throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify(userId);
		journey.chooseMethod("email");
		assertThat(journey.confirmDestination(email).getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
		return journey;
	}

	static String codeError(MvcResult page) throws Exception {
		return MockJourney.textOf(page, "code-error");
	}

	@Test
	void whenTheFirstSendWasSuppressedThenAWrongCodeAnswersAndCountsAsAfterARealSend() throws Exception {
		String sentTo = fabrikamUser("sent.code@pasts.example");
		MockJourney sent = waitingForCode(sentTo, "sent.code@pasts.example");
		String wrong = sent.lastCode().equals("00000000") ? "11111111" : "00000000";
		String afterSend = codeError(sent.follow(sent.enterCode(wrong)));

		String suppressedFor = fabrikamUser("suppressed.code@pasts.example");
		exhaustSends(suppressedFor);
		outbox.clear();
		MockJourney suppressed = waitingForCode(suppressedFor, "suppressed.code@pasts.example");
		assertThat(outbox.entries()).isEmpty();
		String afterSuppressed = codeError(suppressed.follow(suppressed.enterCode(wrong)));

		assertThat(afterSuppressed).isEqualTo(afterSend).contains(WRONG.replace("'", "&#39;"));
		assertThat(TestUsers.failures(jdbc, suppressedFor)).isEqualTo(TestUsers.failures(jdbc, sentTo)).isEqualTo(1);
	}

	@Test
	void whenAReplacedCodeIsTypedThenItSaysSoAndNoFailureIsCounted() throws Exception {
		String userId = fabrikamUser("replaced.code@pasts.example");
		MockJourney journey = waitingForCode(userId, "replaced.code@pasts.example");
		String first = journey.lastCode();
		journey.resend();
		String second = journey.lastCode();
		if (first.equals(second)) {
			return; // one chance in 10^8: nothing was replaced
		}

		assertThat(codeError(journey.follow(journey.enterCode(first)))).contains("replaced by a newer one");
		assertThat(TestUsers.failures(jdbc, userId)).isZero();
		assertThat(journey.enterCode(second).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
	}

	@Test
	void whenACodeExpiredThenTypingItSaysExpiredAndAWrongCodeIsWrong() throws Exception {
		String userId = fabrikamUser("expired.code@pasts.example");
		MockJourney journey = waitingForCode(userId, "expired.code@pasts.example");
		String code = journey.lastCode();
		String wrong = code.equals("00000000") ? "11111111" : "00000000";
		jdbc.sql("update one_time_code set expires_at = created_at where flow_id = ?").param(journey.flow().id()).update();

		assertThat(codeError(journey.follow(journey.enterCode(code)))).contains("has expired");
		assertThat(TestUsers.failures(jdbc, userId)).isZero();
		assertThat(codeError(journey.follow(journey.enterCode(wrong)))).contains(WRONG.replace("'", "&#39;"));
		assertThat(TestUsers.failures(jdbc, userId)).isEqualTo(1);
	}
}
