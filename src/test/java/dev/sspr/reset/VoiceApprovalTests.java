package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DeliveryTest;
import dev.sspr.delivery.CallbackSignatures;
import dev.sspr.delivery.Channel;
import dev.sspr.delivery.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Calls that ask for # instead of reading a code ({@code sspr.delivery.voice-approval}): the call
 * carries no code, pressing # proves the phone, another key refuses it, and only the provider (by
 * its signature) or the dev outbox's stand-in can report the key.
 */
@DeliveryTest
class VoiceApprovalTests extends ResetWebTestSupport {

	MockJourney calledAlex() throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify("alex@contoso.example");
		journey.chooseMethod("mobile-voice");
		assertThat(journey.confirmDestination("+1 555 010 0101").getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
		return journey;
	}

	OutgoingMessage lastCall() {
		return outbox.entries().get(0).message();
	}

	MvcResult press(String callbackUrl, String digits) throws Exception {
		return mvc.perform(post(callbackUrl).param("Digits", digits)).andReturn();
	}

	MvcResult proceed(MockJourney journey) throws Exception {
		return journey.postWithCsrf("/reset/verify/notification");
	}

	@Test
	void whenTheUserPressesHashThenThePhoneIsProvenWithoutAnyCode() throws Exception {
		MockJourney journey = calledAlex();
		OutgoingMessage call = lastCall();
		assertThat(call.channel()).isEqualTo(Channel.VOICE);
		assertThat(call.body()).contains("press the hash key").doesNotContainPattern("\\d \\d \\d");
		assertThat(call.callbackUrl()).matches("/voice/[A-Za-z0-9_-]{43}");
		assertThat(journey.getPage("/reset/verify").getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("press # on the keypad");

		MvcResult early = journey.follow(proceed(journey));
		assertThat(early.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("heard your # yet");

		MvcResult pressed = press(call.callbackUrl(), "#");
		assertThat(pressed.getResponse().getStatus()).isEqualTo(200);
		assertThat(pressed.getResponse().getContentAsString()).contains("<Hangup/>");
		assertThat(proceed(journey).getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		assertThat(journey.flow().proven()).contains(dev.sspr.policy.MethodKind.MOBILE_VOICE);
		// The token is spent: pressing again changes nothing.
		press(call.callbackUrl(), "#");
		assertThat(journey.flow().proven()).hasSize(1);
	}

	@Test
	void whenAnotherKeyIsPressedThenTheCallIsRefusedAndCounted() throws Exception {
		MockJourney journey = calledAlex();
		press(lastCall().callbackUrl(), "1");
		MvcResult refused = journey.follow(proceed(journey));
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("wasn&#39;t approved");
		assertThat(jdbc.sql("select count(*) from verification_failure where user_id = (select id from directory_user where user_id = 'alex@contoso.example')")
				.query(Long.class).single()).isPositive();
	}

	@Test
	void whenTheFlowIsBlockedWhileTheCallWaitsThenContinueCannotSkipTheBlock() throws Exception {
		MockJourney journey = calledAlex();
		press(lastCall().callbackUrl(), "#");
		journey.flow().block();
		MvcResult blocked = proceed(journey);
		assertThat(blocked.getResponse().getRedirectedUrl()).isEqualTo("/reset/try-later");
		assertThat(journey.flow().proven()).isEmpty();
	}

	@Test
	void whenATokenIsUnknownThenTheAnswerIsTheSameAndNothingHappens() throws Exception {
		MockJourney journey = calledAlex();
		MvcResult unknown = press("/voice/" + "A".repeat(43), "#");
		assertThat(unknown.getResponse().getStatus()).isEqualTo(200);
		assertThat(unknown.getResponse().getContentAsString()).contains("<Hangup/>");
		assertThat(journey.follow(proceed(journey)).getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("heard your # yet");
	}

	@Test
	void whenTheCallWasSuppressedByALimitThenContinueAnswersAsForAnUnansweredCall() throws Exception {
		MockJourney answered = calledAlex();
		String unanswered = MockJourney.textOf(answered.follow(proceed(answered)), "approval-error");

		String alex = Long.toString(jdbc.sql("select id from directory_user where user_id = 'alex@contoso.example'")
				.query(Long.class).single());
		while (throttle.tryAcquire(dev.sspr.throttle.Limit.SEND_PER_ACCOUNT, alex)) {
			// use up the account's calls (S-11)
		}
		outbox.clear();
		MockJourney suppressed = calledAlex();
		assertThat(outbox.entries()).isEmpty();
		// S-11: no "the call expired" that a real call would not say yet.
		assertThat(MockJourney.textOf(suppressed.follow(proceed(suppressed)), "approval-error")).contains("heard your # yet")
				.isEqualTo(unanswered);
	}

	/** With a real provider configured, only a request it signed may report the key. */
	@Nested
	@TestPropertySource(properties = { "sspr.delivery.provider.base-url=http://127.0.0.1:9",
			"sspr.delivery.provider.account-id=AC1", "sspr.delivery.provider.token=provider-secret",
			"sspr.delivery.provider.from-number=+15550000000", "sspr.delivery.callback-base-url=https://sspr.example" })
	class WithAProvider {

		@org.springframework.beans.factory.annotation.Autowired
		dev.sspr.verification.VoiceApprovals approvals;

		@Test
		void whenTheCallbackIsNotSignedByTheProviderThenItIsRefused() throws Exception {
			long alex = jdbc.sql("select id from directory_user where user_id = 'alex@contoso.example'").query(Long.class).single();
			String token = approvals.request("signed-flow", alex);
			assertThat(mvc.perform(post("/voice/" + token).param("Digits", "#")).andReturn().getResponse().getStatus())
					.isEqualTo(403);
			assertThat(mvc.perform(post("/voice/" + token).param("Digits", "#").header("X-Twilio-Signature",
					CallbackSignatures.sign("https://sspr.example/voice/" + token, Map.of("Digits", "#"), "wrong-secret")))
					.andReturn().getResponse().getStatus()).isEqualTo(403);
			assertThat(approvals.check("signed-flow", alex)).isEqualTo(dev.sspr.verification.Check.PENDING);
			assertThat(mvc.perform(post("/voice/" + token).param("Digits", "#").header("X-Twilio-Signature",
					CallbackSignatures.sign("https://sspr.example/voice/" + token, Map.of("Digits", "#"), "provider-secret")))
					.andReturn().getResponse().getStatus()).isEqualTo(200);
			assertThat(approvals.check("signed-flow", alex)).isEqualTo(dev.sspr.verification.Check.VALID);
		}
	}
}
