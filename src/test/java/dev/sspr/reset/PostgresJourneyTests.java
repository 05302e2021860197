package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.DemoUsers;
import dev.sspr.PostgresAvailable;
import dev.sspr.audit.AuditEntry;
import dev.sspr.audit.AuditLog;
import dev.sspr.directory.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same migrations and journeys on PostgreSQL (production's database), in a schema of its own
 * that is dropped afterwards. Mandatory in CI.
 */
@PostgresAvailable
@ActiveProfiles(value = { "dev", "postgres", "test" }, inheritProfiles = false)
class PostgresJourneyTests extends ResetWebTestSupport {

	static final String SCHEMA = PostgresAvailable.Schema.shared();

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;


	@Test
	void whenMigratedThenRunningOnPostgres() {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		assertThat(jdbc.sql("select count(*) from directory_user").query(Long.class).single()).isGreaterThan(10);
	}

	@Test
	void whenTwoMethodResetOnPostgresThenPasswordChangedAndAudited() throws Exception {
		String ayse = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("ayse.yilmaz@posta.example")
				.answersLike("ayse@contoso.example").create();
		MockJourney journey = journey("tr-TR");
		journey.identify(ayse);
		journey.chooseMethod("email");
		journey.confirmDestination("ayse.yilmaz@posta.example");
		journey.enterCode(journey.lastCode());
		journey.chooseMethod("security-questions");
		journey.answer(journey.rightAnswers("ayse@contoso.example"));
		assertThat(journey.newPassword("Kuzey-Rüzgârı-Esiyor-42", "Kuzey-Rüzgârı-Esiyor-42").getResponse()
				.getRedirectedUrl()).isEqualTo("/reset/done");

		assertThat(directory.passwordMatches(ayse, "Kuzey-Rüzgârı-Esiyor-42")).isTrue();
		assertThat(directory.passwordMatches(ayse, DemoUsers.CONTOSO_PASSWORD)).isFalse();
		assertThat(audit.forSubject(ayse, 20)).extracting(AuditEntry::eventType)
				.contains("STARTED", "CODE_SENT", "METHOD_VERIFIED", "PASSWORD_RESET");
	}

	@Test
	void whenGuestsResetOnPostgresThenEachKindIsResolvedAsOnH2() throws Exception {
		String member = dev.sspr.TestUsers.in(jdbc).fabrikam().withEmail("pg-home@pasts.example").create();
		dev.sspr.TestGuests contoso = dev.sspr.TestGuests.in(jdbc).contoso();
		String atHome = contoso.withAddress("pg-alias-" + member).homeAt(member).create();
		String signUp = dev.sspr.TestGuests.in(jdbc).contoso().signUp().create();
		String outside = dev.sspr.TestGuests.in(jdbc).contoso().fromOrganization("Northwind Traders").create();

		MockJourney home = journey("lv-LV");
		home.identify(atHome);
		assertThat(home.flow().tenant().orElseThrow().name()).isEqualTo("fabrikam");
		assertThat(home.flow().subject()).isEqualTo(member);

		MockJourney away = journey("en-US");
		assertThat(away.identify(outside).getResponse().getRedirectedUrl()).isEqualTo("/reset/elsewhere");

		MockJourney journey = journey("tr-TR");
		journey.identify(signUp);
		journey.chooseMethod("email");
		journey.confirmDestination(signUp);
		journey.enterCode(journey.lastCode());
		assertThat(journey.newPassword("Kuzey-Rüzgârı-Esiyor-42", "Kuzey-Rüzgârı-Esiyor-42").getResponse()
				.getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(directory.passwordMatches(contoso.userIdOf(signUp), "Kuzey-Rüzgârı-Esiyor-42")).isTrue();
	}

	@Test
	void whenAppCodeOnPostgresThenAcceptedOnceOnly() throws Exception {
		String janis = fabrikamUserWithApp();
		String code = MockJourney.appCode(clock.instant());

		MockJourney first = journey("lv-LV");
		first.identify(janis);
		first.chooseMethod("app-code");
		assertThat(first.enterCode(code).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");

		MockJourney second = journey("lv-LV");
		second.identify(janis);
		second.chooseMethod("app-code");
		assertThat(MockJourney.textOf(second.follow(second.enterCode(code)), "code-error")).contains("jau ir izmantots");
	}

	@Test
	void whenRefusedOrUnknownOnPostgresThenSamePageAndReasonAudited() throws Exception {
		MockJourney unknown = journey("en-US");
		MockJourney disabled = journey("en-US");
		assertThat(unknown.identify("ghost@contoso.example").getResponse().getRedirectedUrl())
				.isEqualTo(disabled.identify("dana@contoso.example").getResponse().getRedirectedUrl())
				.isEqualTo("/reset/contact-admin");
		assertThat(audit.forSubject("dana@contoso.example", 1)).first()
				.satisfies(e -> assertThat(e.reason()).isEqualTo("ACCOUNT_DISABLED"));
	}

	@Test
	void whenUserRegistersAndChangesPasswordOnPostgresThenStoredAndOtherSessionsEnd() throws Exception {
		String user = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("pg.user@home.example").create();
		var signIn = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/sign-in")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("userId", user).param("password", DemoUsers.CONTOSO_PASSWORD);
		var first = mvc.perform(signIn).andReturn();
		assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/security-info?setup");
		var session = (org.springframework.mock.web.MockHttpSession) first.getRequest().getSession(false);
		var other = (org.springframework.mock.web.MockHttpSession) mvc.perform(signIn).andReturn().getRequest().getSession(false);

		var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/security-info/questions")
				.session(session).with(csrf).param("questions[0]", "q05").param("answers[0]", "Liepāja")
				.param("questions[1]", "q06").param("answers[1]", "Cēsis").param("questions[2]", "q07")
				.param("answers[2]", "Sigulda")).andReturn();
		long pk = directory.findUser(user).orElseThrow().id();
		assertThat(jdbc.sql("select count(*) from security_answer where user_id = ?").param(pk).query(Long.class).single())
				.isEqualTo(3);
		assertThat(directory.findUser(user).orElseThrow().securityInfoConfirmedAt()).isNotNull();

		var changed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/security-info/password").session(session).with(csrf)
				.param("currentPassword", DemoUsers.CONTOSO_PASSWORD).param("newPassword", "Baltic-Amber-Coast-44")
				.param("confirmPassword", "Baltic-Amber-Coast-44")).andReturn();
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passwordChanged");
		assertThat(directory.passwordMatches(user, "Baltic-Amber-Coast-44")).isTrue();
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/security-info")
				.session(other)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sign-in?ended");
	}

	@Test
	void whenFiveFailuresOnPostgresThenBlocked() throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify("alex@contoso.example");
		journey.chooseMethod("security-questions");
		for (int i = 0; i < 5; i++) {
			journey.answer(java.util.List.of("no", "nope", "never"));
		}
		assertThat(journey.flow().blocked()).isTrue();
	}
}
