package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.MethodKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** A reset proven with a passkey: the flow's own challenge, the user's own passkey, user verification. */
class PasskeyResetTests extends ResetWebTestSupport {

	static final String ORIGIN = "http://localhost:8080";

	@Autowired
	Passkeys passkeys;

	SoftwareAuthenticator device() {
		return SoftwareAuthenticator.create("localhost", ORIGIN);
	}

	/** A Contoso user (two methods required) with a registered email and this passkey. */
	String userWith(SoftwareAuthenticator device) {
		return TestUsers.in(jdbc).contoso().withRegisteredEmail("someone@personal.example").withPasskey(passkeys, device)
				.create();
	}

	MockJourney atPasskey(String userId) throws Exception {
		MockJourney reset = journey("en");
		reset.identify(userId);
		reset.chooseMethod("passkey");
		assertThat(reset.flow().challenge().step()).isEqualTo(Step.USE_PASSKEY);
		return reset;
	}

	MvcResult answer(MockJourney reset, Assertion assertion) throws Exception {
		return reset.usePasskey(assertion);
	}


	@Test
	void whenTheUsersPasskeyAnswersTheFlowsChallengeThenTheMethodIsProven() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		MockJourney reset = atPasskey(userId);
		String page = AppNotificationTests.MockJourneyBody.of(reset.getPage("/reset/verify"));
		assertThat(page).contains("data-passkey=\"get\"", "data-challenge=\"" + reset.flow().challenge().passkey().challenge() + "\"",
				"data-allow=\"" + device.credentialId() + "\"", "data-rp-id=\"localhost\"", "Use my passkey");

		MvcResult result = answer(reset, device.assertion(reset.flow().challenge().passkey().challenge(), null));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		assertThat(reset.flow().proven()).containsExactly(MethodKind.PASSKEY);
		assertThat(jdbc.sql("select last_used_at is not null from passkey_credential where credential_id = ?")
				.param(device.credentialId()).query(Boolean.class).single()).isTrue();
	}

	@Test
	void whenTwoMethodsAreRequiredThenAPasskeyAndAnEmailCodeResetThePassword() throws Exception {
		SoftwareAuthenticator device = device();
		MockJourney reset = atPasskey(userWith(device));
		answer(reset, device.assertion(reset.passkeyChallenge(), null));
		reset.chooseMethod("email");
		reset.confirmDestination("someone@personal.example");
		MvcResult proven = reset.enterCode(reset.lastCode());

		assertThat(proven.getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		assertThat(reset.flow().proven()).containsExactly(MethodKind.PASSKEY, MethodKind.EMAIL);
	}

	@Test
	void whenTheUserHasAPasskeyThenTheMethodPageOffersItFirstAndNamesNoCredential() throws Exception {
		SoftwareAuthenticator device = device();
		MockJourney reset = journey("en");
		reset.identify(userWith(device));

		String page = AppNotificationTests.MockJourneyBody.of(reset.getPage("/reset/method"));

		assertThat(page).contains("Use a passkey on this device or my phone").doesNotContain(device.credentialId());
		assertThat(page.indexOf("value=\"passkey\"")).isLessThan(page.indexOf("value=\"email\""));
	}

	@Test
	void whenARefusedAccountHasAPasskeyThenNoPageOffersItOrNamesIt() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = TestUsers.in(jdbc).contoso().outsideSsprGroup().withRegisteredEmail("someone@personal.example")
				.withPasskey(passkeys, device).create();
		MockJourney reset = journey("en");

		MvcResult identified = reset.identify(userId);
		assertThat(identified.getResponse().getRedirectedUrl()).isEqualTo("/reset/contact-admin");
		assertThat(reset.chooseMethod("passkey").getResponse().getRedirectedUrl()).isEqualTo("/reset/contact-admin");
		assertThat(AppNotificationTests.MockJourneyBody.of(reset.getPage("/reset/verify")))
				.doesNotContain(device.credentialId(), "data-passkey");
	}

	@Test
	void whenTheUserHasNoPasskeyThenChoosingOneIsRefusedBesideTheChoice() throws Exception {
		MockJourney reset = journey("en");
		reset.identify(TestUsers.in(jdbc).contoso().withRegisteredEmail("a@personal.example")
				.withRegisteredPhone("+1 555 010 7777").create());

		MvcResult chosen = reset.chooseMethod("passkey");

		assertThat(reset.flow().challenge()).isNull();
		assertThat(AppNotificationTests.MockJourneyBody.of(reset.follow(chosen))).contains("Choose one of the methods listed");
	}

	@Test
	void whenTheDeviceGaveNoAnswerThenItIsToldAndNothingIsCounted() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		MockJourney reset = atPasskey(userId);

		MvcResult result = reset.usePasskey(new Assertion("", "", "", "", ""));

		assertThat(AppNotificationTests.MockJourneyBody.of(reset.follow(result))).contains("Your device did not answer");
		assertThat(TestUsers.failures(jdbc, userId)).isZero();
	}

	@Test
	void whenAnotherUsersPasskeyAnswersThenItIsRefusedAndCounted() throws Exception {
		String userId = userWith(device());
		SoftwareAuthenticator stranger = device();
		userWith(stranger);
		MockJourney reset = atPasskey(userId);

		MvcResult result = answer(reset, stranger.assertion(reset.flow().challenge().passkey().challenge(), null));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
		assertThat(reset.flow().proven()).isEmpty();
		assertThat(TestUsers.failures(jdbc, userId)).isEqualTo(1);
		assertThat(AppNotificationTests.MockJourneyBody.of(reset.follow(result))).contains("That passkey could not be accepted");
	}

	@Test
	void whenTheSameAnswerComesTwiceThenTheSecondIsRefusedAsUsed() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		MockJourney reset = atPasskey(userId);
		MockJourney twin = reset.twin();
		Assertion assertion = device.assertion(reset.flow().challenge().passkey().challenge(), null);

		assertThat(answer(reset, assertion).getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		answer(twin, assertion);

		assertThat(twin.flow().proven()).isEmpty();
		assertThat(TestUsers.failures(jdbc, userId)).isZero();
	}

	@Test
	void whenUserVerificationIsMissingThenItIsRefusedAndCounted() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		MockJourney reset = atPasskey(userId);

		answer(reset, device.flags(SoftwareAuthenticator.UP).assertion(reset.flow().challenge().passkey().challenge(), null));

		assertThat(reset.flow().proven()).isEmpty();
		assertThat(TestUsers.failures(jdbc, userId)).isEqualTo(1);
	}

	@Test
	void whenTheChallengeExpiredThenATryIsNotCountedAndANewChallengeIsIssued() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		MockJourney reset = atPasskey(userId);
		String first = reset.flow().challenge().passkey().challenge();
		clock.advance(passkeys.timeout().plus(Duration.ofSeconds(1)));

		MvcResult result = answer(reset, device.assertion(first, null));

		assertThat(AppNotificationTests.MockJourneyBody.of(reset.follow(result))).contains("That request has expired");
		assertThat(TestUsers.failures(jdbc, userId)).isZero();
		assertThat(reset.flow().challenge().passkey().challenge()).isNotEqualTo(first);
	}
}
