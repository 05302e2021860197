package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestClock;
import dev.sspr.TestUsers;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Contoso asks its users every 180 days whether their security info is still right. Asked at
 * sign-in once the interval has passed; "Yes, it's right" stamps the confirmation with the clock, "No,
 * change my info" leads to the page to edit, where saving a change is what confirms. Either answer
 * ends the question for the session.
 */
@PortalTest
class ReconfirmTests {

	static final String PROMPT = "Please check that the security info below is still right";
	static final String REVIEWING = "Saving a change also confirms your security info.";
	static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	TestClock clock;

	@Autowired
	Throttle throttle;

	@BeforeEach
	void cleanSlate() {
		throttle.clearAll();
	}

	/** A Contoso user in the SSPR group with two methods (so eligible), confirmed this many days before the clock. */
	String confirmedDaysAgo(long days) {
		int n = NEXT.incrementAndGet();
		return TestUsers.in(jdbc).contoso().withRegisteredEmail("reconfirm" + n + "@home.example")
				.withMobile("+1 555 070 " + String.format("%04d", n))
				.confirmedAt(clock.instant().minus(Duration.ofDays(days))).create();
	}

	MvcResult signIn(String userId) throws Exception {
		return mvc.perform(post("/sign-in").with(csrf()).param("userId", userId)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
	}

	static MockHttpSession session(MvcResult signedIn) {
		return (MockHttpSession) signedIn.getRequest().getSession(false);
	}

	String page(MockHttpSession session, String query) throws Exception {
		return mvc.perform(get("/security-info" + query).session(session).header("Accept-Language", "en")).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	Instant confirmedAt(String userId) {
		return directory.findUser(userId).orElseThrow().securityInfoConfirmedAt();
	}

	@Test
	void whenConfirmedLongerAgoThanTheIntervalThenAskedAtSignIn() throws Exception {
		String user = confirmedDaysAgo(200);

		MvcResult signedIn = signIn(user);

		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/security-info?confirm");
		assertThat(page(session(signedIn), "?confirm")).contains(PROMPT, "action=\"/security-info/confirm\"",
				"action=\"/security-info/review\"", "No, change my info");
	}

	@Test
	void whenConfirmedJustInsideTheIntervalThenNotAsked() throws Exception {
		String user = confirmedDaysAgo(179);

		MvcResult signedIn = signIn(user);

		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
		// The address alone does not ask: only a sign-in that found the info due does.
		assertThat(page(session(signedIn), "?confirm")).doesNotContain(PROMPT);
	}

	@Test
	void whenTheTenantsIntervalIsZeroThenNeverAsked() throws Exception {
		String longAgo = confirmedDaysAgo(2000);
		String never = TestUsers.in(jdbc).contoso().withRegisteredEmail("never.confirmed@home.example")
				.withMobile("+1 555 070 9999").neverConfirmed().create();
		int interval = jdbc.sql("select reconfirm_days from sspr_policy where tenant_id = (select id from tenant where name = 'contoso')")
				.query(Integer.class).single();
		jdbc.sql("update sspr_policy set reconfirm_days = 0 where tenant_id = (select id from tenant where name = 'contoso')").update();
		try {
			assertThat(signIn(longAgo).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
			assertThat(signIn(never).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
		}
		finally {
			jdbc.sql("update sspr_policy set reconfirm_days = ? where tenant_id = (select id from tenant where name = 'contoso')")
					.param(interval).update();
		}
	}

	@Test
	void whenLooksGoodThenStampedWithTheClockAndNotAskedAgain() throws Exception {
		String user = confirmedDaysAgo(200);
		// Away from the wall clock, so that the stamp shows which clock it came from.
		clock.advance(Duration.ofHours(1));
		MockHttpSession session = session(signIn(user));

		Instant now;
		try (TestClock.Still still = clock.standStill()) {
			now = clock.instant();
			assertThat(mvc.perform(post("/security-info/confirm").session(session).with(csrf())).andReturn().getResponse()
					.getRedirectedUrl()).isEqualTo("/security-info/continue");
		}

		assertThat(confirmedAt(user)).isCloseTo(now, within(1, ChronoUnit.MILLIS));
		assertThat(mvc.perform(get("/security-info/continue").session(session)).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/security-info");
		assertThat(page(session, "?confirm")).doesNotContain(PROMPT);
		assertThat(signIn(user).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
	}

	@Test
	void whenChangeMyInfoThenThePageToEditAndTheQuestionDoesNotComeBackThisSession() throws Exception {
		String user = confirmedDaysAgo(200);
		Instant before = confirmedAt(user);
		MockHttpSession session = session(signIn(user));
		assertThat(page(session, "")).as("asked until answered").contains(PROMPT);

		MvcResult review = mvc.perform(post("/security-info/review").session(session).with(csrf())).andReturn();

		assertThat(review.getResponse().getRedirectedUrl()).isEqualTo("/security-info?review");
		assertThat(page(session, "?review")).contains(REVIEWING).doesNotContain(PROMPT);
		assertThat(page(session, "?confirm")).doesNotContain(PROMPT);
		// Choosing to change is not confirming: changing nothing means being asked at the next sign-in.
		assertThat(confirmedAt(user)).isEqualTo(before);
		assertThat(signIn(user).getResponse().getRedirectedUrl()).isEqualTo("/security-info?confirm");
	}

	@Test
	void whenAChangeIsSavedAfterChangeMyInfoThenThatConfirms() throws Exception {
		String user = confirmedDaysAgo(200);
		MockHttpSession session = session(signIn(user));
		mvc.perform(post("/security-info/review").session(session).with(csrf())).andReturn();

		Instant now;
		try (TestClock.Still still = clock.standStill()) {
			now = clock.instant();
			MvcResult saved = mvc.perform(post("/security-info/questions").session(session).with(csrf())
					.param("questions[0]", "q02").param("answers[0]", "Ankara")
					.param("questions[1]", "q10").param("answers[1]", "Ahmet")
					.param("questions[2]", "q33").param("answers[2]", "Tarkan")).andReturn();
			assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
		}

		assertThat(confirmedAt(user)).isCloseTo(now, within(1, ChronoUnit.MILLIS));
		assertThat(signIn(user).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
	}

	@Test
	void whenAChangeIsSavedWithoutAnsweringThenTheQuestionIsGoneToo() throws Exception {
		String user = confirmedDaysAgo(200);
		MockHttpSession session = session(signIn(user));

		mvc.perform(post("/security-info/questions").session(session).with(csrf())
				.param("questions[0]", "q02").param("answers[0]", "Ankara")
				.param("questions[1]", "q10").param("answers[1]", "Ahmet")
				.param("questions[2]", "q33").param("answers[2]", "Tarkan")).andReturn();

		assertThat(page(session, "?saved")).doesNotContain(PROMPT);
		assertThat(page(session, "?confirm")).doesNotContain(PROMPT);
	}

	@Test
	void whenTheDemosRosaAndTheoSignInThenOnlyRosaIsAsked() throws Exception {
		// Demo data (README): Rosa confirmed 200 days before start-up, Theo 170 (the suite moves the clock by hours, not weeks).
		assertThat(signIn("rosa@contoso.example").getResponse().getRedirectedUrl()).isEqualTo("/security-info?confirm");
		assertThat(signIn("theo@contoso.example").getResponse().getRedirectedUrl()).isEqualTo("/security-info");
	}

	@Test
	void whenASignUpUserSignsInThenJudgedByTheirOwnRuleAndNotInterrupted() throws Exception {
		// In the SSPR group with only the address they proved: Contoso's own rule would ask them to register.
		String user = TestUsers.in(jdbc).contoso().confirmedAt(clock.instant().minus(Duration.ofDays(200))).create();
		jdbc.sql("update directory_user set account_kind = 'SIGNUP', external_email = ?, proven_email = ? where user_id = ?")
				.params("signup" + NEXT.incrementAndGet() + "@example.net", "signup" + NEXT.get() + "@example.net", user)
				.update();

		assertThat(signIn(user).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
	}
}
