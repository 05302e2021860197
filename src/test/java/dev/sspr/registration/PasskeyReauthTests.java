package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestClock;
import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Passkeys;
import dev.sspr.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The "recent password (or existing passkey) check": a passkey confirms a sensitive change too. */
@PortalTest
class PasskeyReauthTests {

	private static final String ORIGIN = "http://localhost:8080";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	@Autowired
	TestClock clock;

	@Autowired
	Throttle throttle;

	@BeforeEach
	void cleanSlate() {
		throttle.clearAll();
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MockHttpSession signedInLongAgo(String userId) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf()).param("userId", userId)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		clock.advance(Duration.ofMinutes(6));
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** The password page, asked for by opening the add-a-passkey page; the challenge it offers, if any. */
	AssertionRequest askedAgain(MockHttpSession session) throws Exception {
		String page = body(mvc.perform(get("/security-info/passkeys/new").session(session).header("Accept-Language", "en"))
				.andReturn());
		assertThat(page).contains("name=\"password\"");
		return (AssertionRequest) session.getAttribute(Reauthentication.PASSKEY_REQUEST);
	}

	MvcResult confirm(MockHttpSession session, Assertion answer) throws Exception {
		return mvc.perform(post("/security-info/passkey/reauth/passkey").session(session).with(csrf())
				.header("Accept-Language", "en").param("credentialId", answer.credentialId())
				.param("authenticatorData", answer.authenticatorData()).param("clientDataJson", answer.clientDataJson())
				.param("signature", answer.signature()).param("userHandle", "")).andReturn();
	}

	@Test
	void whenTheUserConfirmsWithTheirPasskeyThenTheChangeGoesOn() throws Exception {
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", ORIGIN);
		MockHttpSession session = signedInLongAgo(TestUsers.in(jdbc).contoso().withPasskey(passkeys, device).create());
		AssertionRequest offered = askedAgain(session);

		MvcResult confirmed = confirm(session, device.assertion(offered.challenge(), null));

		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/security-info/passkeys/new");
		assertThat(body(mvc.perform(get("/security-info/passkeys/new").session(session)).andReturn()))
				.contains("data-passkey=\"create\"");
	}

	@Test
	void whenAnotherUsersPasskeyOrAReplayAnswersThenThePasswordPageSaysSo() throws Exception {
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", ORIGIN);
		SoftwareAuthenticator stranger = SoftwareAuthenticator.create("localhost", ORIGIN);
		TestUsers.in(jdbc).contoso().withPasskey(passkeys, stranger).create();
		MockHttpSession session = signedInLongAgo(TestUsers.in(jdbc).contoso().withPasskey(passkeys, device).create());

		AssertionRequest offered = askedAgain(session);
		assertThat(offered.allowedCredentials()).containsExactly(device.credentialId());
		assertThat(body(confirm(session, stranger.assertion(offered.challenge(), null))))
				.contains("That passkey could not be accepted", "name=\"password\"");

		AssertionRequest next = (AssertionRequest) session.getAttribute(Reauthentication.PASSKEY_REQUEST);
		Assertion right = device.assertion(next.challenge(), null);
		assertThat(confirm(session, right).getResponse().getRedirectedUrl()).isEqualTo("/security-info/passkeys/new");
		clock.advance(Duration.ofMinutes(6));
		askedAgain(session);
		assertThat(body(confirm(session, right))).contains("That passkey could not be accepted");
	}

	@Test
	void whenTheUserHasNoPasskeyThenThePasswordPageOffersNone() throws Exception {
		MockHttpSession session = signedInLongAgo(TestUsers.in(jdbc).contoso().create());

		assertThat(askedAgain(session)).isNull();
		assertThat(body(mvc.perform(get("/security-info/passkeys/new").session(session)).andReturn()))
				.doesNotContain("data-passkey");
	}
}
