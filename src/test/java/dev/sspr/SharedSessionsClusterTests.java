package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.delivery.Outbox;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions live in the database: two instances on one schema, no sticky sessions, every request of a
 * journey or a signed-in session on the other instance than the one before, and an instance stopped
 * mid-journey. Also measures what a session weighs in SPRING_SESSION_ATTRIBUTES.
 */
@PostgresAvailable
class SharedSessionsClusterTests {

	/** A session this size is a few rows' worth per user; far more would mean something big slipped in. */
	private static final int MAX_SESSION_BYTES = 4096;
	private static final String NEW_PASSWORD = "Harbor-Lichen-Quartz-71";

	static PortalCluster cluster;

	@BeforeAll
	static void start() {
		cluster = PortalCluster.start(2);
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void whenAJourneyAlternatesBetweenInstancesThenItCompletesAndTheSessionStaysSmall() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String email = "alternating@personal.example";
		String user = newUser(email);
		HttpJourney visitor = new HttpJourney(a.http());

		visitor.at(a.http()).get("/reset");
		assertThat(visitor.cookie("SSPR_SESSION")).as("no session for an anonymous page").isNull();
		String altcha = TestCaptcha.solve(visitor.at(b.http()).get("/captcha/challenge").body());
		assertThat(visitor.at(a.http()).submit("/reset", "userId=" + HttpTestClient.enc(user) + "&altcha=" + HttpTestClient.enc(altcha)))
				.isEqualTo("/reset/method");
		// The cookie and the idle timeout are the servlet session's settings (server.servlet.session.*).
		assertThat(visitor.setCookie("SSPR_SESSION")).startsWith("SSPR_SESSION=").contains("; HttpOnly", "; SameSite=Lax")
				.doesNotContain("Secure");
		assertThat(a.bean(JdbcClient.class).sql("select max_inactive_interval from spring_session where session_id = ?")
				.param(sessionId(visitor)).query(Integer.class).single()).isEqualTo(15 * 60);
		visitor.at(b.http()).page("/reset/method");
		assertThat(visitor.at(a.http()).submit("/reset/method", "method=email")).isEqualTo("/reset/verify");
		visitor.at(b.http()).page("/reset/verify");
		// A wrong entry's message travels in the flash map, which is in the session too.
		assertThat(visitor.at(a.http()).submit("/reset/verify/destination", "destination=" + HttpTestClient.enc("other@personal.example")))
				.isEqualTo("/reset/verify");
		assertThat(visitor.at(b.http()).page("/reset/verify").text()).contains("doesn't match the email address");
		assertThat(visitor.at(a.http()).submit("/reset/verify/destination", "destination=" + HttpTestClient.enc(email)))
				.isEqualTo("/reset/verify");
		a.bean(Outbox.class).dispatchDue();
		visitor.at(b.http()).page("/reset/verify");
		assertThat(visitor.at(a.http()).submit("/reset/verify/code", "code=" + cluster.lastCodeTo(email))).isEqualTo("/reset/method");
		visitor.at(b.http()).page("/reset/method");
		assertThat(visitor.at(a.http()).submit("/reset/method", "method=security-questions")).isEqualTo("/reset/verify");
		Document questions = visitor.at(b.http()).page("/reset/verify");
		int journeyBytes = sessionBytes(visitor);
		System.out.println("Reset journey session (one method proven, questions asked): " + journeyBytes + " bytes");
		assertThat(visitor.at(a.http()).submit("/reset/verify/answers", answers(b, questions))).isEqualTo("/reset/password");
		visitor.at(b.http()).page("/reset/password");
		assertThat(visitor.at(a.http()).submit("/reset/password", "newPassword=" + NEW_PASSWORD + "&confirmPassword=" + NEW_PASSWORD))
				.isEqualTo("/reset/done");
		visitor.at(b.http()).page("/reset/done");

		assertThat(b.http().signIn("/sign-in", user, NEW_PASSWORD)).isNotNull();
		assertThat(journeyBytes).isPositive().isLessThan(MAX_SESSION_BYTES);
	}

	@Test
	void whenASignedInSessionAlternatesBetweenInstancesThenBothServeItAndAPasswordChangeOnOneHolds() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String user = newUser("signed.in@personal.example");
		HttpJourney visitor = HttpJourney.signedIn(a.http(), "/sign-in", user, DemoUsers.CONTOSO_PASSWORD);
		String before = visitor.cookie("SSPR_SESSION");

		assertThat(visitor.at(b.http()).page("/security-info").text()).contains("Test User");
		int signedInBytes = sessionBytes(visitor);
		System.out.println("Signed-in security-info session: " + signedInBytes + " bytes");
		visitor.at(a.http()).page("/security-info/password");
		assertThat(visitor.at(b.http()).submit("/security-info/password", "currentPassword=" + HttpTestClient.enc(DemoUsers.CONTOSO_PASSWORD)
				+ "&newPassword=" + NEW_PASSWORD + "&confirmPassword=" + NEW_PASSWORD)).isEqualTo("/security-info?passwordChanged");
		// The change renews the session under a new id (and the new stamp), which the other instance honours.
		assertThat(visitor.cookie("SSPR_SESSION")).isNotEqualTo(before);
		assertThat(visitor.at(a.http()).page("/security-info").text()).contains("Test User");

		assertThat(b.http().signIn("/sign-in", user, NEW_PASSWORD)).isNotNull();
		assertThat(signedInBytes).isPositive().isLessThan(MAX_SESSION_BYTES);
	}

	@Test
	void whenASignedInUserIdentifiesOnAnotherInstanceThenTheSessionIdChangesAndTheOldOneIsGone() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String user = newUser("renewed@personal.example");
		HttpJourney visitor = HttpJourney.signedIn(a.http(), "/sign-in", user, DemoUsers.CONTOSO_PASSWORD);
		String before = sessionId(visitor);

		visitor.at(b.http()).get("/reset");
		String altcha = TestCaptcha.solve(visitor.at(a.http()).get("/captcha/challenge").body());
		assertThat(visitor.at(b.http()).submit("/reset", "userId=" + HttpTestClient.enc(user) + "&altcha=" + HttpTestClient.enc(altcha)))
				.isEqualTo("/reset/method");

		// S-60: identification gives the session a new id, on whichever instance it happens.
		assertThat(sessionId(visitor)).isNotEqualTo(before);
		assertThat(a.bean(JdbcClient.class).sql("select count(*) from spring_session where session_id = ?").param(before)
				.query(Long.class).single()).isZero();
		visitor.at(a.http()).page("/reset/method");
	}

	@Test
	void whenAnAdministratorsRoleIsRevokedThenTheConsoleSessionEndsOnEveryInstance() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String admin = newUser("console@personal.example");
		JdbcClient jdbc = a.bean(JdbcClient.class);
		jdbc.sql("insert into user_admin_role (user_id, role_name) values ((select id from directory_user where user_id = ?), "
				+ "'Helpdesk Administrator')").param(admin).update();
		HttpJourney visitor = HttpJourney.signedIn(a.http(), "/admin/sign-in", admin, DemoUsers.CONTOSO_PASSWORD);

		visitor.at(b.http()).page("/admin");
		// The console's shorter idle timeout (sspr.admin.idle-timeout, 9 minutes in tests) is the stored session's.
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
				.param(sessionId(visitor)).query(Integer.class).single()).isEqualTo(9 * 60);
		jdbc.sql("delete from user_admin_role where user_id = (select id from directory_user where user_id = ?)")
				.param(admin).update();

		HttpResponse<String> ended = a.http().get("/admin", visitor.cookieHeader());
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/sign-in?ended"));
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId(visitor))
				.query(Long.class).single()).isZero();
	}

	@Test
	void whenTheInstanceThatSentTheCodeStopsThenTheJourneyFinishesOnAnotherWithTheSameCode() throws Exception {
		PortalCluster.Instance doomed = cluster.startInstance();
		PortalCluster.Instance b = cluster.instance(1);
		String email = "survivor@personal.example";
		String user = newUser(email);
		HttpJourney visitor = new HttpJourney(doomed.http());

		visitor.get("/reset");
		String altcha = TestCaptcha.solve(visitor.get("/captcha/challenge").body());
		visitor.submit("/reset", "userId=" + HttpTestClient.enc(user) + "&altcha=" + HttpTestClient.enc(altcha));
		visitor.submit("/reset/method", "method=email");
		assertThat(visitor.submit("/reset/verify/destination", "destination=" + HttpTestClient.enc(email)))
				.isEqualTo("/reset/verify");
		doomed.bean(Outbox.class).dispatchDue();
		String code = cluster.lastCodeTo(email);
		doomed.stop();

		visitor.at(b.http()).page("/reset/verify");
		assertThat(visitor.at(b.http()).submit("/reset/verify/code", "code=" + code)).isEqualTo("/reset/method");
		b.bean(Outbox.class).dispatchDue();
		assertThat(codeMails(email)).as("one code, no second one").isEqualTo(1);
		visitor.at(b.http()).submit("/reset/method", "method=security-questions");
		assertThat(visitor.at(b.http()).submit("/reset/verify/answers", answers(b, visitor.at(b.http()).page("/reset/verify"))))
				.isEqualTo("/reset/password");
		assertThat(visitor.at(b.http()).submit("/reset/password", "newPassword=" + NEW_PASSWORD + "&confirmPassword=" + NEW_PASSWORD))
				.isEqualTo("/reset/done");
		assertThat(b.http().signIn("/sign-in", user, NEW_PASSWORD)).isNotNull();
	}

	/** A Contoso cloud user with an email and Ayşe's security answers: two methods, as Contoso requires. */
	private static String newUser(String email) {
		return TestUsers.in(cluster.instance(1).bean(JdbcClient.class)).contoso().withRegisteredEmail(email)
				.answersLike("ayse@contoso.example").create();
	}

	/** The right answers to the questions on this page, found by their English wording. */
	private static String answers(PortalCluster.Instance instance, Document page) {
		MessageSource messages = instance.bean(MessageSource.class);
		List<String> form = new ArrayList<>();
		List<Element> labels = page.select("label[for^=answer-]");
		assertThat(labels).isNotEmpty();
		for (int i = 0; i < labels.size(); i++) {
			String question = labels.get(i).text().strip();
			String answer = DemoUsers.ANSWERS.get("ayse@contoso.example").entrySet().stream()
					.filter(e -> messages.getMessage("question.predefined." + e.getKey(), null, Locale.ENGLISH).equals(question))
					.map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("unexpected question: " + question));
			form.add("answers[" + i + "]=" + HttpTestClient.enc(answer));
		}
		return String.join("&", form);
	}

	private static int codeMails(String email) {
		return cluster.mail().getReceivedMessagesForDomain(email).length;
	}

	/** The bytes of every attribute of the visitor's session, as stored. */
	private static int sessionBytes(HttpJourney visitor) {
		return cluster.instance(1).bean(JdbcClient.class).sql("""
				select coalesce(sum(length(a.attribute_bytes)), 0) from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
				.param(sessionId(visitor)).query(Integer.class).single();
	}

	/** Spring Session writes the id into the cookie Base64-encoded. */
	private static String sessionId(HttpJourney visitor) {
		return new String(Base64.getDecoder().decode(visitor.cookie("SSPR_SESSION")), StandardCharsets.UTF_8);
	}
}
