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
import dev.sspr.passkey.Passkeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sign-in with a passkey instead of the password (the issue: someone who forgot the password can
 * still manage methods): a discoverable passkey's answer to the page's signed challenge signs its
 * owner in as a password would; every other answer reads as a wrong password and is counted alike.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class PasskeySignInTests {

	static final String ORIGIN = "http://localhost:8080";
	static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([A-Za-z0-9_-]+)\"");
	static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
	/** Each attempt from an address of its own unless a test says otherwise, so that only the limit meant is reached. */
	static final AtomicInteger ADDRESS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	@Autowired
	TestClock clock;

	static SoftwareAuthenticator device() {
		return SoftwareAuthenticator.create("localhost", ORIGIN);
	}

	static String newAddress() {
		return "2001:db8:5e:1::" + Integer.toHexString(ADDRESS.incrementAndGet());
	}

	/** A Contoso user with two contact methods (no registration prompt) and this passkey. */
	String userWith(SoftwareAuthenticator device) {
		return TestUsers.in(jdbc).contoso().withEmail("pk.signin@home.example").withMobile("+1 555 060 0606")
				.withPasskey(passkeys, device).create();
	}

	String handleOf(String userId) {
		return jdbc.sql("select user_handle from passkey_user where user_id = (select id from directory_user where user_id = ?)")
				.param(userId).query(String.class).single();
	}

	/** The signed challenge, as the sign-in page renders it. */
	String challenge() throws Exception {
		String page = mvc.perform(get("/sign-in").header("Accept-Language", "en")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		Matcher matcher = CHALLENGE.matcher(page);
		assertThat(matcher.find()).as("the page carries a challenge").isTrue();
		return matcher.group(1);
	}

	MvcResult post(MockHttpSession session, String address, Map<String, String> fields) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/sign-in/passkey")
				.with(csrf()).with(r -> {
					r.setRemoteAddr(address);
					return r;
				}).header("Accept-Language", "en");
		if (session != null) {
			request.session(session);
		}
		fields.forEach((name, value) -> {
			if (value != null) {
				request.param(name, value);
			}
		});
		return mvc.perform(request).andReturn();
	}

	static Map<String, String> fields(String challenge, Assertion answer) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("challenge", challenge);
		fields.put("credentialId", answer.credentialId());
		fields.put("authenticatorData", answer.authenticatorData());
		fields.put("clientDataJson", answer.clientDataJson());
		fields.put("signature", answer.signature());
		fields.put("userHandle", answer.userHandle() == null ? "" : answer.userHandle());
		return fields;
	}

	MvcResult signIn(MockHttpSession session, String address, String challenge, Assertion answer) throws Exception {
		return post(session, address, fields(challenge, answer));
	}

	MvcResult signIn(String challenge, Assertion answer) throws Exception {
		return signIn(new MockHttpSession(), newAddress(), challenge, answer);
	}

	/** The answer a wrong password gets, and nobody signed in by it. */
	void assertRefused(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		if (session != null) {
			assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
			assertThat(mvc.perform(get("/security-info").session(session)).andReturn().getResponse().getRedirectedUrl())
					.isEqualTo("/sign-in");
		}
	}

	static SignedInUser signedIn(MvcResult result) {
		SecurityContext context = (SecurityContext) result.getRequest().getSession(false)
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return (SignedInUser) context.getAuthentication().getPrincipal();
	}

	/**
	 * No session either: checked on a real server (PasskeySignInServerTests), since Spring Security's
	 * {@code csrf()} post-processor leaves a session-based token store behind for later MockMvc requests.
	 */
	@Test
	void whenTheSignInPageIsOpenedThenItOffersAPasskeyWithASignedChallengeAndStoresNothing() throws Exception {
		int used = jdbc.sql("select count(*) from webauthn_challenge_used").query(Integer.class).single();

		MvcResult page = mvc.perform(get("/sign-in").header("Accept-Language", "en")).andReturn();

		String body = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher matcher = CHALLENGE.matcher(body);
		assertThat(matcher.find()).isTrue();
		assertThat(body).contains("action=\"/sign-in/passkey\"", "data-passkey=\"get\"", "data-allow=\"\"",
				"data-challenge=\"" + matcher.group(1) + "\"", "data-rp-id=\"localhost\"", "Sign in with a passkey",
				"data-passkey-error", "name=\"_csrf\"");
		assertThat(body.indexOf("action=\"/sign-in/passkey\"")).as("below the password form")
				.isGreaterThan(body.indexOf("action=\"/sign-in\""));
		assertThat(jdbc.sql("select count(*) from webauthn_challenge_used").query(Integer.class).single()).isEqualTo(used);
		assertThat(challenge()).as("a fresh challenge each time").isNotEqualTo(matcher.group(1));
	}

	@Test
	void whenTheUsersPasskeyAnswersThenSignedInAsWithThePassword() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		MvcResult withPassword = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/sign-in").with(csrf()).with(r -> {
					r.setRemoteAddr(newAddress());
					return r;
				}).param("userId", userId).param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		// The session id's change at sign-in is checked on a real server (PasskeySignInServerTests).
		MockHttpSession session = new MockHttpSession();

		MvcResult result;
		try (TestClock.Still still = clock.standStill()) {
			String challenge = challenge();
			result = signIn(session, newAddress(), challenge, device.assertion(challenge, handleOf(userId)));
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
			assertThat(signedIn(result).authenticatedAt()).as("a fresh check, as a password").isEqualTo(clock.instant());
		}

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info")
				.isEqualTo(withPassword.getResponse().getRedirectedUrl());
		assertThat(result.getRequest().getSession(false)).isSameAs(session);
		assertThat(signedIn(result).userId()).isEqualTo(userId);
		assertThat(mvc.perform(get("/security-info").session(session).header("Accept-Language", "en")).andReturn()
				.getResponse().getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select last_used_at is not null from passkey_credential where credential_id = ?")
				.param(device.credentialId()).query(Boolean.class).single()).isTrue();
	}

	/** The challenge is posted back in a field (the signed one the page carried); mixing two pages' values fails. */
	@Test
	void whenTheAnswerSignsAnotherChallengeThanThePostedOneThenRefused() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);

		assertRefused(signIn(challenge(), device.assertion(challenge(), handleOf(userId))));
	}

	@Test
	void whenARegistrationPromptIsDueThenThePasskeyLeadsThereAsThePasswordWould() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = TestUsers.in(jdbc).contoso().withPasskey(passkeys, device).neverConfirmed().create();
		MvcResult withPassword = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/sign-in").with(csrf()).with(r -> {
					r.setRemoteAddr(newAddress());
					return r;
				}).param("userId", userId).param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(withPassword.getResponse().getRedirectedUrl()).startsWith("/security-info?");
		String challenge = challenge();

		MvcResult result = signIn(challenge, device.assertion(challenge, handleOf(userId)));

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(withPassword.getResponse().getRedirectedUrl());
	}

	@Test
	void whenReturnToIsAllowedThenThePasskeyReturnsThereAndAFailureKeepsIt() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String target = "https://apps.contoso.example/home?tab=2";
		String challenge = challenge();
		Map<String, String> wrong = fields(challenge, device.assertion(challenge, B64U.encodeToString(new byte[32])));
		wrong.put("return_to", target);

		assertThat(post(null, newAddress(), wrong).getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?error&return_to=https%3A%2F%2Fapps.contoso.example%2Fhome%3Ftab%3D2");

		challenge = challenge();
		Map<String, String> right = fields(challenge, device.assertion(challenge, handleOf(userId)));
		right.put("return_to", target);
		MvcResult signedIn = post(new MockHttpSession(), newAddress(), right);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/security-info/continue");
		MvcResult leaving = mvc.perform(get("/security-info/continue")
				.session((MockHttpSession) signedIn.getRequest().getSession(false))).andReturn();
		assertThat(leaving.getResponse().getHeader("Refresh")).isEqualTo("0; url=" + target);
	}

	@Test
	void whenSignedInWithAPasskeyThenReplacingAMethodNeedsNoPasswordForFiveMinutes() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = TestUsers.in(jdbc).contoso().withRegisteredPhone("+1 555 070 0707")
				.withRegisteredEmail("pk.reauth@home.example").withPasskey(passkeys, device).create();
		String challenge = challenge();
		MvcResult result = signIn(challenge, device.assertion(challenge, handleOf(userId)));
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);

		MvcResult phone = mvc.perform(get("/security-info/phone").session(session).header("Accept-Language", "en")).andReturn();
		assertThat(phone.getModelAndView().getViewName()).isNotEqualTo(Reauthentication.VIEW);

		clock.advance(Reauthentication.WINDOW.plusMinutes(1));
		MvcResult later = mvc.perform(get("/security-info/phone").session(session).header("Accept-Language", "en")).andReturn();
		assertThat(later.getModelAndView().getViewName()).isEqualTo(Reauthentication.VIEW);
	}

	@Test
	void whenThePasskeyIsNotRegisteredThenRefusedAsAWrongPassword() throws Exception {
		String userId = userWith(device());
		SoftwareAuthenticator unknown = device();
		String challenge = challenge();

		MvcResult result = signIn(challenge, unknown.assertion(challenge, handleOf(userId)));

		assertRefused(result);
		String page = mvc.perform(get(result.getResponse().getRedirectedUrl()).header("Accept-Language", "en")).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Your user ID or password is incorrect");
	}

	@Test
	void whenTheUserHandleIsWrongMissingOrAnotherUsersThenRefusedAndTheRightOneStillWorks() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String other = userWith(device());

		for (String handle : new String[] { B64U.encodeToString(new byte[32]), handleOf(other), "", null }) {
			String challenge = challenge();
			assertRefused(signIn(challenge, device.assertion(challenge, handle)));
		}
		String challenge = challenge();
		assertThat(signIn(challenge, device.assertion(challenge, handleOf(userId))).getResponse().getRedirectedUrl())
				.isEqualTo("/security-info");
	}

	@Test
	void whenTheSignatureIsNotTheDevicesThenRefused() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String challenge = challenge();
		Assertion answer = device.assertion(challenge, handleOf(userId));
		Assertion forged = new Assertion(answer.credentialId(), answer.authenticatorData(), answer.clientDataJson(),
				device().assertion(challenge, handleOf(userId)).signature(), answer.userHandle());

		assertRefused(signIn(challenge, forged));
	}

	@Test
	void whenTheChallengeExpiredThenRefused() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String challenge = challenge();

		clock.advance(passkeys.timeout().plusSeconds(1));

		assertRefused(signIn(challenge, device.assertion(challenge, handleOf(userId))));
	}

	@Test
	void whenAChallengeIsAnsweredAgainThenRefused() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String challenge = challenge();
		assertThat(signIn(challenge, device.assertion(challenge, handleOf(userId))).getResponse().getRedirectedUrl())
				.isEqualTo("/security-info");

		assertRefused(signIn(challenge, device.assertion(challenge, handleOf(userId))));
	}

	@Test
	void whenTheChallengeIsNotOneThePortalSignedThenRefused() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		byte[] bytes = Base64.getUrlDecoder().decode(challenge());
		bytes[bytes.length - 1] ^= 1;
		String tampered = B64U.encodeToString(bytes);
		byte[] later = Base64.getUrlDecoder().decode(challenge());
		later[32 + 7] ^= 0x40;
		String extended = B64U.encodeToString(later);

		assertRefused(signIn(tampered, device.assertion(tampered, handleOf(userId))));
		assertRefused(signIn(extended, device.assertion(extended, handleOf(userId))));
		String unsigned = B64U.encodeToString(new byte[72]);
		assertRefused(signIn(unsigned, device.assertion(unsigned, handleOf(userId))));
	}

	@Test
	void whenFieldsAreMalformedThenRefusedAsAWrongPasswordWithoutAStackTrace(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String challenge = challenge();
		Assertion answer = device.assertion(challenge, handleOf(userId));
		Map<String, Map<String, String>> cases = new LinkedHashMap<>();
		for (String field : fields(challenge, answer).keySet()) {
			if (!field.equals("userHandle")) {
				Map<String, String> missing = fields(challenge, answer);
				missing.put(field, null);
				cases.put(field + " missing", missing);
			}
			Map<String, String> notBase64 = fields(challenge, answer);
			notBase64.put(field, "not base64url!");
			cases.put(field + " not base64url", notBase64);
			Map<String, String> tooLong = fields(challenge, answer);
			tooLong.put(field, "A".repeat(5000));
			cases.put(field + " too long", tooLong);
			Map<String, String> impossible = fields(challenge, answer);
			impossible.put(field, "A");
			cases.put(field + " one character", impossible);
		}
		Map<String, String> shortData = fields(challenge, answer);
		shortData.put("authenticatorData", B64U.encodeToString(new byte[5]));
		cases.put("authenticator data too short", shortData);
		Map<String, String> notJson = fields(challenge, answer);
		notJson.put("clientDataJson", B64U.encodeToString("not json".getBytes(StandardCharsets.UTF_8)));
		cases.put("client data not JSON", notJson);
		Map<String, String> emptyJson = fields(challenge, answer);
		emptyJson.put("clientDataJson", B64U.encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
		cases.put("client data empty", emptyJson);
		Map<String, String> notDer = fields(challenge, answer);
		notDer.put("signature", B64U.encodeToString(new byte[70]));
		cases.put("signature not DER", notDer);
		cases.put("nothing at all", Map.of());

		for (Map.Entry<String, Map<String, String>> attempt : cases.entrySet()) {
			MvcResult result = post(new MockHttpSession(), newAddress(), attempt.getValue());
			assertThat(result.getResponse().getRedirectedUrl()).as(attempt.getKey()).isEqualTo("/sign-in?error");
		}
		assertThat(output.getAll().substring(logged)).doesNotContain("\tat ", "Exception");
		// Some of them spent the challenge (a well-formed one, with the user's passkey and handle): a fresh one.
		String fresh = challenge();
		assertThat(signIn(fresh, device.assertion(fresh, handleOf(userId))).getResponse().getRedirectedUrl())
				.as("an untouched answer").isEqualTo("/security-info");
	}

	@Test
	void whenTheAccountIsDisabledOrLockedThenItsPasskeyIsRefused() throws Exception {
		SoftwareAuthenticator disabledDevice = device();
		String disabled = userWith(disabledDevice);
		jdbc.sql("update directory_user set enabled = false where user_id = ?").param(disabled).update();
		SoftwareAuthenticator lockedDevice = device();
		String locked = TestUsers.in(jdbc).contoso().withEmail("pk.locked@home.example").withMobile("+1 555 080 0808")
				.locked().withPasskey(passkeys, lockedDevice).create();

		String challenge = challenge();
		assertRefused(signIn(challenge, disabledDevice.assertion(challenge, handleOf(disabled))));
		challenge = challenge();
		assertRefused(signIn(challenge, lockedDevice.assertion(challenge, handleOf(locked))));
	}

	@Test
	void whenTooManyAttemptsForOneUserThenEvenTheRightPasskeyIsToldToWaitAndSoIsThePassword() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		try (TestClock.Still still = clock.standStill()) {
			for (int i = 0; i < 10; i++) {
				String challenge = challenge();
				assertThat(signIn(challenge, device.assertion(challenge, B64U.encodeToString(new byte[32])))
						.getResponse().getRedirectedUrl()).as("try " + i).isEqualTo("/sign-in?error");
			}

			String challenge = challenge();
			assertThat(signIn(challenge, device.assertion(challenge, handleOf(userId))).getResponse().getRedirectedUrl())
					.isEqualTo("/sign-in?throttled");
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/sign-in")
					.with(csrf()).with(r -> {
						r.setRemoteAddr(newAddress());
						return r;
					}).param("userId", userId).param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn().getResponse()
					.getRedirectedUrl()).as("one limit for both ways in").isEqualTo("/sign-in?throttled");
		}
	}

	@Test
	void whenTooManyAttemptsFromOneAddressThenEvenTheRightPasskeyIsToldToWait() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		String address = newAddress();
		try (TestClock.Still still = clock.standStill()) {
			for (int i = 0; i < 30; i++) {
				String challenge = challenge();
				assertThat(signIn(new MockHttpSession(), address, challenge, device().assertion(challenge, handleOf(userId)))
						.getResponse().getRedirectedUrl()).as("try " + i).isEqualTo("/sign-in?error");
			}

			String challenge = challenge();
			assertThat(signIn(new MockHttpSession(), address, challenge, device.assertion(challenge, handleOf(userId)))
					.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?throttled");
			assertThat(signIn(new MockHttpSession(), newAddress(), challenge, device.assertion(challenge, handleOf(userId)))
					.getResponse().getRedirectedUrl()).as("from elsewhere").isEqualTo("/security-info");
		}
	}
}
