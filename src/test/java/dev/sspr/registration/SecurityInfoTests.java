package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Sign-in, the security-info page and security-question registration, through MockMvc. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "dev", "test" })
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
	JdbcClient jdbc;

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
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
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
		MockHttpSession session = signIn("megan@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		long megan = directory.findUser("megan@contoso.example").orElseThrow().id();
		directory.resetPassword(megan, "Harbor-Lights-Falling-31");

		MvcResult result = mvc.perform(get("/security-info").session(session)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?ended");
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void whenQuestionsValidThenSavedAndUsableForReset() throws Exception {
		MockHttpSession session = signIn("omar@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		MvcResult result = saveQuestions(session, List.of("q02", "q10", "q33"), List.of("Ankara", "Ahmet", "Tarkan"), true);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
		long omar = directory.findUser("omar@contoso.example").orElseThrow().id();
		List<AskedQuestion> registered = questions.registered(omar);
		assertThat(registered).extracting(AskedQuestion::predefinedKey).containsExactly("q02", "q10", "q33");
		assertThat(questions.check(omar, registered, List.of(" ankara", "AHMET", "tarkan "))).isEqualTo(Check.VALID);
		assertThat(audit.forSubject("omar@contoso.example", 1)).extracting(AuditEntry::eventType)
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
		MockHttpSession here = signIn("lena@contoso.example", DemoUsers.CONTOSO_PASSWORD);
		MockHttpSession elsewhere = signIn("lena@contoso.example", DemoUsers.CONTOSO_PASSWORD);

		MvcResult result = changePassword(here, DemoUsers.CONTOSO_PASSWORD, "Meadow-Copper-Lantern-58", "Meadow-Copper-Lantern-58");

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passwordChanged");
		assertThat(directory.passwordMatches("lena@contoso.example", "Meadow-Copper-Lantern-58")).isTrue();
		MockHttpSession current = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(mvc.perform(get("/security-info").session(current)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/security-info").session(elsewhere)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?ended");
		assertThat(audit.forSubject("lena@contoso.example", 5)).extracting(AuditEntry::eventType).contains("PASSWORD_CHANGED");
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

	@Test
	void whenQuestionFormShownThenPredefinedQuestionsAreLocalized() throws Exception {
		MockHttpSession session = signIn("janis@fabrikam.example", DemoUsers.FABRIKAM_PASSWORD);
		String page = body(mvc.perform(get("/security-info/questions").session(session).header("Accept-Language", "lv"))
				.andReturn());

		assertThat(page).contains("lang=\"lv\"").contains("value=\"q29\"").contains("name=\"answers[2]\"");
	}
}
