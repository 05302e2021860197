package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestUsers;
import dev.sspr.audit.AuditEntry;
import dev.sspr.audit.AuditLog;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import dev.sspr.verification.AskedQuestion;
import dev.sspr.verification.Check;
import dev.sspr.verification.SecurityQuestions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Sign-in, the security-info page and security-question registration, through MockMvc. */
@PortalTest
class SecurityInfoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	SecurityQuestions questions;

	@Autowired
	AuditLog audit;

	@Autowired
	Throttle throttle;

	@Autowired
	dev.sspr.verification.AuthenticatorApps apps;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.sspr.TestClock clock;

	@BeforeEach
	void cleanSlate() {
		throttle.clearAll();
		jdbc.sql("delete from verification_failure").update();
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MockHttpSession signIn(String userId, String password) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf()).param("userId", userId).param("password", password))
				.andReturn();
		// Straight to the page, or to it with a registration prompt.
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/security-info");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	MvcResult saveQuestions(MockHttpSession session, List<String> keys, List<String> answers, boolean withCsrf)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/security-info/questions").session(session)
				.header("Accept-Language", "en");
		if (withCsrf) {
			request.with(csrf());
		}
		for (int i = 0; i < keys.size(); i++) {
			request.param("questions[" + i + "]", keys.get(i)).param("answers[" + i + "]", answers.get(i));
		}
		return mvc.perform(request).andReturn();
	}

	@Test
	void whenNotSignedInThenSentToSignIn() throws Exception {
		MvcResult result = mvc.perform(get("/security-info")).andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/sign-in");
	}

	@Test
	void whenPasswordWrongOrAccountRefusedThenSameGenericFailure() throws Exception {
		for (String[] attempt : List.of(new String[] { "alex@contoso.example", "wrong" },
				new String[] { "nobody@contoso.example", DemoUsers.CONTOSO_PASSWORD },
				new String[] { "dana@contoso.example", DemoUsers.CONTOSO_PASSWORD },
				new String[] { "lucy@contoso.example", DemoUsers.CONTOSO_PASSWORD },
				new String[] { "paul@contoso.example", DemoUsers.CONTOSO_PASSWORD })) {
			MvcResult result = mvc.perform(post("/sign-in").with(csrf()).param("userId", attempt[0])
					.param("password", attempt[1])).andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).as(attempt[0]).isEqualTo("/sign-in?error");
		}
		assertThat(body(mvc.perform(get("/sign-in").param("error", "")).andReturn()))
				.contains("Your user ID or password is incorrect");
	}

	@Test
	void whenSignedInThenPageShowsMaskedMethods() throws Exception {
		MockHttpSession session = signIn("alex@contoso.example", DemoUsers.CONTOSO_PASSWORD);

		String page = body(mvc.perform(get("/security-info").session(session).header("Accept-Language", "en")).andReturn());
		assertThat(page).contains("Alex Wilber", "a*****@p*****.example", "*********01", "3 of 3 registered")
				.doesNotContain("alex.wilber@personal.example", "555 010 0101");
	}

	@Test
	void whenSignInPostedWithoutCsrfThenForbidden() throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").param("userId", "alex@contoso.example")
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void whenSignedOutThenPageNeedsSignInAgain() throws Exception {
		MockHttpSession session = signIn("adele@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		MvcResult out = mvc.perform(post("/sign-out").session(session).with(csrf())).andReturn();

		assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?signedOut");
		assertThat(mvc.perform(get("/security-info").session(session)).andReturn().getResponse().getRedirectedUrl())
				.endsWith("/sign-in");
	}

	@Test
	void whenPasswordResetElsewhereThenThisSessionEnds() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user, DemoUsers.CONTOSO_PASSWORD);
		long megan = directory.findUser(user).orElseThrow().id();
		directory.resetPassword(megan, "Harbor-Lights-Falling-31");

		MvcResult result = mvc.perform(get("/security-info").session(session)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?ended");
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void whenQuestionsValidThenSavedAndUsableForReset() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user, DemoUsers.CONTOSO_PASSWORD);
		MvcResult result = saveQuestions(session, List.of("q02", "q10", "q33"), List.of("Ankara", "Ahmet", "Tarkan"), true);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
		long omar = directory.findUser(user).orElseThrow().id();
		List<AskedQuestion> registered = questions.registered(omar);
		assertThat(registered).extracting(AskedQuestion::predefinedKey).containsExactly("q02", "q10", "q33");
		assertThat(questions.check(omar, registered, List.of(" ankara", "AHMET", "tarkan "))).isEqualTo(Check.VALID);
		assertThat(audit.forSubject(user, 1)).extracting(AuditEntry::eventType)
				.containsExactly("METHOD_REGISTERED");
	}

	@Test
	void whenQuestionsBreakRulesThenMessagesBesideFieldsAndNothingSaved() throws Exception {
		MockHttpSession session = signIn("alex@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		long alex = directory.findUser("alex@contoso.example").orElseThrow().id();
		List<AskedQuestion> before = questions.registered(alex);

		MvcResult result = saveQuestions(session, List.of("q01", "q01", "c:999"),
				List.of("Paris", "paris ", "x".repeat(10_240)), true);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("id=\"questions-1-error\"", "already chosen this question",
				"id=\"answers-1-error\"", "already used this answer", "id=\"questions-2-error\"",
				"id=\"answers-2-error\"", "3 to 40 characters").doesNotContain("Paris");
		assertThat(questions.registered(alex)).isEqualTo(before);
	}

	@Test
	void whenQuestionsPostedWithoutCsrfThenForbiddenAndNothingSaved() throws Exception {
		MockHttpSession session = signIn("ayse@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		long ayse = directory.findUser("ayse@contoso.example").orElseThrow().id();
		List<AskedQuestion> before = questions.registered(ayse);

		MvcResult result = saveQuestions(session, List.of("q02", "q10", "q33"), List.of("aaa", "bbb", "ccc"), false);

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(questions.registered(ayse)).isEqualTo(before);
	}

	MvcResult changePassword(MockHttpSession session, String current, String next, String confirmation) throws Exception {
		return mvc.perform(post("/security-info/password").session(session).with(csrf()).header("Accept-Language", "en")
				.param("currentPassword", current).param("newPassword", next).param("confirmPassword", confirmation))
				.andReturn();
	}

	@Test
	void whenPasswordChangedThenThisSessionStaysAndOthersEnd() throws Exception {
		String lena = TestUsers.in(jdbc).contoso().create();
		MockHttpSession here = signIn(lena, DemoUsers.CONTOSO_PASSWORD);
		MockHttpSession elsewhere = signIn(lena, DemoUsers.CONTOSO_PASSWORD);

		MvcResult result = changePassword(here, DemoUsers.CONTOSO_PASSWORD, "Meadow-Copper-Lantern-58", "Meadow-Copper-Lantern-58");

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passwordChanged");
		assertThat(directory.passwordMatches(lena, "Meadow-Copper-Lantern-58")).isTrue();
		MockHttpSession current = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(mvc.perform(get("/security-info").session(current)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/security-info").session(elsewhere)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?ended");
		assertThat(audit.forSubject(lena, 5)).extracting(AuditEntry::eventType).contains("PASSWORD_CHANGED");
	}

	@Test
	void whenCurrentPasswordWrongOrNewOneWeakThenMessagesAndNothingChanged() throws Exception {
		MockHttpSession session = signIn("nina@contoso.example", DemoUsers.CONTOSO_PASSWORD);

		assertThat(body(changePassword(session, "not-my-password", "Meadow-Copper-Lantern-58", "Meadow-Copper-Lantern-58")))
				.contains("id=\"currentPassword-error\"", "isn&#39;t your current password");
		assertThat(body(changePassword(session, DemoUsers.CONTOSO_PASSWORD, "contoso1", "contoso1")))
				.contains("id=\"newPassword-error\"", "too common");
		assertThat(body(changePassword(session, DemoUsers.CONTOSO_PASSWORD, "Meadow-Copper-Lantern-58", "other")))
				.contains("id=\"confirmPassword-error\"");
		assertThat(body(changePassword(session, "x".repeat(10_240), "a\u0000b", "a\u0000b")))
				.contains("id=\"currentPassword-error\"", "id=\"newPassword-error\"");
		assertThat(directory.passwordMatches("nina@contoso.example", DemoUsers.CONTOSO_PASSWORD)).isTrue();
	}

	static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("id=\"app-secret\">([A-Z2-7 ]+)<");

	static byte[] secretOnPage(String page) {
		java.util.regex.Matcher m = SECRET.matcher(page);
		assertThat(m.find()).as("secret shown as text").isTrue();
		return new org.apache.commons.codec.binary.Base32().decode(m.group(1).replace(" ", ""));
	}

	@Test
	void whenAppConfirmedWithItsFirstCodeThenActiveAndThatCodeCannotProveAReset() throws Exception {
		String fresh = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("app.user@home.example").create();
		MockHttpSession session = signIn(fresh, DemoUsers.CONTOSO_PASSWORD);
		long ben = directory.findUser(fresh).orElseThrow().id();
		assertThat(mvc.perform(post("/security-info/app/start").session(session).with(csrf())).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/security-info/app");
		String page = body(mvc.perform(get("/security-info/app").session(session).header("Accept-Language", "en")).andReturn());
		assertThat(page).contains("data:image/png;base64,").contains(fresh);
		byte[] secret = secretOnPage(page);
		assertThat(secret).hasSize(20);
		assertThat(apps.hasActiveApp(ben)).isFalse();

		MvcResult wrong = mvc.perform(post("/security-info/app").session(session).with(csrf()).param("code", "000000")).andReturn();
		assertThat(body(wrong)).contains("id=\"code-error\"");
		assertThat(apps.hasActiveApp(ben)).isFalse();

		String code = dev.sspr.verification.Totp.codeAt(secret, dev.sspr.verification.Totp.stepOf(clock.instant()));
		MvcResult right = mvc.perform(post("/security-info/app").session(session).with(csrf()).param("code", code)).andReturn();
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
		assertThat(apps.hasActiveApp(ben)).isTrue();
		assertThat(apps.check(ben, code)).isEqualTo(Check.REPLAYED);
	}

	@Autowired
	dev.sspr.delivery.Outbox deliveries;

	@Test
	void whenTheCodeForANewEmailCannotBeDeliveredThenTheVerifyPageSaysSo() throws Exception {
		String fresh = dev.sspr.TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(fresh, DemoUsers.CONTOSO_PASSWORD);
		assertThat(mvc.perform(post("/security-info/email").session(session).with(csrf())
				.param("destination", "new.address@home.example")).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/security-info/email/verify");
		assertThat(body(mvc.perform(get("/security-info/email/verify").session(session).header("Accept-Language", "en"))
				.andReturn())).doesNotContain("couldn&#39;t send");
		// Delivery gave up on it (the outbox's own retries are covered by MailDeliveryTests), after its first try.
		assertThat(deliveries.awaitDispatched(java.time.Duration.ofSeconds(30))).isTrue();
		jdbc.sql("update outbound_message set status = 'FAILED', sealed = null where id = (select max(id) from outbound_message)")
				.update();
		assertThat(body(mvc.perform(get("/security-info/email/verify").session(session).header("Accept-Language", "en"))
				.andReturn())).contains("We couldn&#39;t send you the code");
	}

	@Test
	void whenNewAppNotConfirmedThenTheOldOneKeepsWorking() throws Exception {
		MockHttpSession session = signIn("alex@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		long alex = directory.findUser("alex@contoso.example").orElseThrow().id();
		mvc.perform(post("/security-info/app/start").session(session).with(csrf())).andReturn();

		assertThat(apps.hasActiveApp(alex)).isTrue();
		jdbc.sql("update authenticator_app set last_used_step = 0").update();
		String oldCode = dev.sspr.verification.Totp.codeAt(new org.apache.commons.codec.binary.Base32()
				.decode(DemoUsers.AUTHENTICATOR_SECRET), dev.sspr.verification.Totp.stepOf(clock.instant()));
		assertThat(apps.check(alex, oldCode)).isEqualTo(Check.VALID);
	}

	@Test
	void whenAppPageOpenedWithoutStartingThenBackToOverview() throws Exception {
		MockHttpSession session = signIn("omar@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		assertThat(mvc.perform(get("/security-info/app").session(session)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/security-info");
	}

	@Autowired
	dev.sspr.delivery.DevOutbox outbox;

	static String lastCode(dev.sspr.delivery.DevOutbox outbox) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{8})\\b").matcher(outbox.entries().get(0).message().body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void whenFirstEmailRegisteredWithItsCodeThenSavedAndNoticeGoesNowhere() throws Exception {
		outbox.clear();
		String fresh = dev.sspr.TestUsers.in(jdbc).contoso().withMobile("+1 555 050 0505").create();
		MockHttpSession session = signIn(fresh, DemoUsers.CONTOSO_PASSWORD);
		MvcResult sent = mvc.perform(post("/security-info/email").session(session).with(csrf())
				.param("destination", "nina.patel@home.example")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/security-info/email/verify");
		assertThat(outbox.entries()).hasSize(1);
		assertThat(outbox.entries().get(0).message().destination()).isEqualTo("nina.patel@home.example");

		MvcResult wrong = mvc.perform(post("/security-info/email/verify").session(session).with(csrf()).param("code", "00000000"))
				.andReturn();
		assertThat(body(wrong)).contains("id=\"code-error\"");
		assertThat(jdbc.sql("select count(*) from verification_failure").query(Long.class).single())
				.as("a registration typo must not block resets").isZero();

		String code = lastCode(outbox);
		jdbc.sql("update one_time_code set expires_at = created_at where flow_id like 'reg-%' and closed = false").update();
		assertThat(body(mvc.perform(post("/security-info/email/verify").session(session).with(csrf()).param("code", code))
				.andReturn())).contains("has expired");
		mvc.perform(post("/security-info/email").session(session).with(csrf()).param("destination", "nina.patel@home.example"))
				.andReturn();
		MvcResult right = mvc.perform(post("/security-info/email/verify").session(session).with(csrf())
				.param("code", lastCode(outbox))).andReturn();
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
		assertThat(directory.findUser(fresh).orElseThrow().authEmail()).isEqualTo("nina.patel@home.example");
		assertThat(outbox.entries()).as("two codes, and no notice: there was no email before").hasSize(2);
	}

	@Test
	void whenReplacingAPhoneAfterFiveMinutesThenPasswordAgainAndOldAddressIsTold() throws Exception {
		outbox.clear();
		String ayse = TestUsers.in(jdbc).contoso().withEmail("ayse.yilmaz@posta.example")
				.withRegisteredPhone("+90 532 000 0001").create();
		MockHttpSession session = signIn(ayse, DemoUsers.CONTOSO_PASSWORD);
		// Past the five-minute window since the password was typed.
		clock.advance(java.time.Duration.ofMinutes(6));

		assertThat(body(mvc.perform(get("/security-info/phone").session(session)).andReturn())).contains("name=\"password\"");
		MvcResult refused = mvc.perform(post("/security-info/phone").session(session).with(csrf())
				.param("destination", "+90 533 000 0002")).andReturn();
		assertThat(body(refused)).contains("name=\"password\"");
		assertThat(outbox.entries()).isEmpty();

		MvcResult reauth = mvc.perform(post("/security-info/phone/reauth").session(session).with(csrf())
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(reauth.getResponse().getRedirectedUrl()).isEqualTo("/security-info/phone");
		MockHttpSession renewed = (MockHttpSession) reauth.getRequest().getSession(false);
		mvc.perform(post("/security-info/phone").session(renewed).with(csrf()).param("destination", "+90 533 000 0002"))
				.andReturn();
		assertThat(outbox.entries().get(0).message().channel()).isEqualTo(dev.sspr.delivery.Channel.SMS);
		mvc.perform(post("/security-info/phone/verify").session(renewed).with(csrf()).param("code", lastCode(outbox))).andReturn();

		assertThat(directory.findUser(ayse).orElseThrow().authPhone()).isEqualTo("+90 533 000 0002");
		assertThat(outbox.entries().subList(0, 2)).extracting(e -> e.message().destination())
				.containsExactlyInAnyOrder("ayse.yilmaz@posta.example", "+90 532 000 0001");
		assertThat(outbox.entries().subList(0, 2)).allSatisfy(e -> assertThat(e.message().body()).doesNotContain("533"));
	}

	@Test
	void whenReplacingQuestionsOrTheAppAfterFiveMinutesThenPasswordAgainAndNothingChanges() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withQuestions("q01", "q02", "q03").create();
		long pk = directory.findUser(user).orElseThrow().id();
		apps.register(pk, new byte[20], true);
		MockHttpSession session = signIn(user, DemoUsers.CONTOSO_PASSWORD);
		List<AskedQuestion> before = questions.registered(pk);
		clock.advance(java.time.Duration.ofMinutes(6));

		assertThat(body(mvc.perform(get("/security-info/questions").session(session)).andReturn()))
				.contains("name=\"password\"", "/security-info/questions/reauth");
		assertThat(body(saveQuestions(session, List.of("q04", "q05", "q06"), List.of("Riga", "Ogre", "Cesis"), true)))
				.contains("name=\"password\"");
		assertThat(questions.registered(pk)).isEqualTo(before);
		assertThat(body(mvc.perform(post("/security-info/app/start").session(session).with(csrf())).andReturn()))
				.contains("name=\"password\"", "/security-info/app/reauth");
		assertThat(apps.hasActiveApp(pk)).isTrue();
	}

	@Test
	void whenAddingTheFirstQuestionsAfterFiveMinutesThenNoPasswordAgain() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user, DemoUsers.CONTOSO_PASSWORD);
		clock.advance(java.time.Duration.ofMinutes(6));

		assertThat(saveQuestions(session, List.of("q04", "q05", "q06"), List.of("Riga", "Ogre", "Cesis"), true)
				.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
	}

	@Test
	void whenContactIsBadThenMessageBesideFieldAndNothingSent() throws Exception {
		outbox.clear();
		MockHttpSession session = signIn(dev.sspr.TestUsers.in(jdbc).contoso().create(), DemoUsers.CONTOSO_PASSWORD);
		for (String[] bad : List.of(new String[] { "email", "not-an-email" }, new String[] { "email", "" },
				new String[] { "email", "a@b.example\u0007" }, new String[] { "phone", "call me" },
				new String[] { "phone", "9".repeat(10_240) })) {
			MvcResult result = mvc.perform(post("/security-info/" + bad[0]).session(session).with(csrf())
					.param("destination", bad[1])).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat(body(result)).as(bad[0] + " " + bad[1]).contains("id=\"destination-error\"");
		}
		assertThat(outbox.entries()).isEmpty();
	}

	@Test
	void whenMethodsDeletedRecentlySignedInThenGoneAndEmailTold() throws Exception {
		outbox.clear();
		String fresh = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("old.alt@home.example").create();
		long pk = directory.findUser(fresh).orElseThrow().id();
		directory.setAuthenticationPhone(pk, "+1 555 060 0606");
		questions.register(pk, List.of(new SecurityQuestions.NewAnswer("q01", null, "one"),
				new SecurityQuestions.NewAnswer("q02", null, "two"), new SecurityQuestions.NewAnswer("q03", null, "three")));
		apps.register(pk, new byte[20], true);
		MockHttpSession session = signIn(fresh, DemoUsers.CONTOSO_PASSWORD);
		String page = body(mvc.perform(get("/security-info").session(session)).andReturn());
		assertThat(page).contains("/security-info/phone/delete", "/security-info/questions/delete", "/security-info/app/delete")
				.as("the alternate email comes from the directory, not from this page").doesNotContain("/security-info/email/delete");

		for (String kind : List.of("phone", "questions", "app")) {
			MvcResult result = mvc.perform(post("/security-info/" + kind + "/delete").session(session).with(csrf())).andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).as(kind).isEqualTo("/security-info?removed");
		}
		assertThat(directory.user(pk).orElseThrow().authPhone()).isNull();
		assertThat(questions.count(pk)).isZero();
		assertThat(apps.hasActiveApp(pk)).isFalse();
		assertThat(outbox.entries()).extracting(e -> e.message().destination()).containsExactly("old.alt@home.example");
		assertThat(audit.forSubject(fresh, 3)).extracting(AuditEntry::eventType).containsOnly("METHOD_REMOVED");
	}

	@Test
	void whenDeletingLongAfterSignInThenPasswordFirstAndNothingDeleted() throws Exception {
		String fresh = dev.sspr.TestUsers.in(jdbc).contoso().create();
		long pk = directory.findUser(fresh).orElseThrow().id();
		apps.register(pk, new byte[20], true);
		MockHttpSession session = signIn(fresh, DemoUsers.CONTOSO_PASSWORD);
		// Past the five-minute window since the password was typed.
		clock.advance(java.time.Duration.ofMinutes(6));

		MvcResult result = mvc.perform(post("/security-info/app/delete").session(session).with(csrf())).andReturn();
		assertThat(body(result)).contains("name=\"password\"", "/security-info/app/reauth");
		assertThat(apps.hasActiveApp(pk)).isTrue();
		assertThat(mvc.perform(post("/security-info/app/delete").session(session)).andReturn().getResponse().getStatus())
				.as("no CSRF token").isEqualTo(403);
	}

	@Test
	void whenQuestionFormShownThenPredefinedQuestionsAreLocalized() throws Exception {
		MockHttpSession session = signIn("janis@fabrikam.example", DemoUsers.FABRIKAM_PASSWORD);
		String page = body(mvc.perform(get("/security-info/questions").session(session).header("Accept-Language", "lv"))
				.andReturn());

		assertThat(page).contains("lang=\"lv\"").contains("value=\"q29\"").contains("name=\"answers[2]\"");
	}

	@Test
	void whenTheQuestionsFormIsTamperedWithThenMessagesBesideTheFieldsNotAServerError() throws Exception {
		String user = dev.sspr.TestUsers.in(jdbc).contoso().outsideSsprGroup().create();
		MockHttpSession session = signIn(user, DemoUsers.CONTOSO_PASSWORD);
		for (String[] fields : new String[][] { {}, { "answers", "one" }, { "questions", "q01" }, { "answers[2]", "three" },
				{ "questions[7]", "q01", "answers[7]", "seven" } }) {
			MockHttpServletRequestBuilder request = post("/security-info/questions").session(session).with(csrf())
					.header("Accept-Language", "en");
			for (int i = 0; i < fields.length; i += 2) {
				request.param(fields[i], fields[i + 1]);
			}
			MvcResult result = mvc.perform(request).andReturn();

			assertThat(result.getResponse().getStatus()).as(String.join(",", fields)).isEqualTo(200);
			assertThat(body(result)).as(String.join(",", fields)).contains("Choose one of the questions in the list.");
		}
		assertThat(questions.count(directory.findUser(user).orElseThrow().id())).isZero();
	}
}
