package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.delivery.Outbox;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
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
		Visitor visitor = new Visitor();

		visitor.get(a, "/reset");
		assertThat(visitor.cookie("SSPR_SESSION")).as("no session for an anonymous page").isNull();
		String altcha = TestCaptcha.solve(visitor.get(b, "/captcha/challenge").body());
		assertThat(visitor.post(a, "/reset", "userId=" + HttpTestClient.enc(user) + "&altcha=" + HttpTestClient.enc(altcha)))
				.isEqualTo("/reset/method");
		// The cookie and the idle timeout are the servlet session's settings (server.servlet.session.*).
		assertThat(visitor.sessionCookie).startsWith("SSPR_SESSION=").contains("; HttpOnly", "; SameSite=Lax")
				.doesNotContain("Secure");
		assertThat(a.bean(JdbcClient.class).sql("select max_inactive_interval from spring_session where session_id = ?")
				.param(sessionId(visitor)).query(Integer.class).single()).isEqualTo(15 * 60);
		visitor.page(b, "/reset/method");
		assertThat(visitor.post(a, "/reset/method", "method=email")).isEqualTo("/reset/verify");
		visitor.page(b, "/reset/verify");
		// A wrong entry's message travels in the flash map, which is in the session too.
		assertThat(visitor.post(a, "/reset/verify/destination", "destination=" + HttpTestClient.enc("other@personal.example")))
				.isEqualTo("/reset/verify");
		assertThat(visitor.page(b, "/reset/verify").text()).contains("doesn't match the email address");
		assertThat(visitor.post(a, "/reset/verify/destination", "destination=" + HttpTestClient.enc(email)))
				.isEqualTo("/reset/verify");
		a.bean(Outbox.class).dispatchDue();
		visitor.page(b, "/reset/verify");
		assertThat(visitor.post(a, "/reset/verify/code", "code=" + cluster.lastCodeTo(email))).isEqualTo("/reset/method");
		visitor.page(b, "/reset/method");
		assertThat(visitor.post(a, "/reset/method", "method=security-questions")).isEqualTo("/reset/verify");
		Document questions = visitor.page(b, "/reset/verify");
		int journeyBytes = sessionBytes(visitor);
		System.out.println("Reset journey session (one method proven, questions asked): " + journeyBytes + " bytes");
		assertThat(visitor.post(a, "/reset/verify/answers", answers(b, questions))).isEqualTo("/reset/password");
		visitor.page(b, "/reset/password");
		assertThat(visitor.post(a, "/reset/password", "newPassword=" + NEW_PASSWORD + "&confirmPassword=" + NEW_PASSWORD))
				.isEqualTo("/reset/done");
		visitor.page(b, "/reset/done");

		assertThat(b.http().signIn("/sign-in", user, NEW_PASSWORD)).isNotNull();
		assertThat(journeyBytes).isPositive().isLessThan(MAX_SESSION_BYTES);
	}

	@Test
	void whenASignedInSessionAlternatesBetweenInstancesThenBothServeItAndAPasswordChangeOnOneHolds() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String user = newUser("signed.in@personal.example");
		Visitor visitor = Visitor.signedIn(a, "/sign-in", user);
		String before = visitor.cookie("SSPR_SESSION");

		assertThat(visitor.page(b, "/security-info").text()).contains("Test User");
		int signedInBytes = sessionBytes(visitor);
		System.out.println("Signed-in security-info session: " + signedInBytes + " bytes");
		visitor.page(a, "/security-info/password");
		assertThat(visitor.post(b, "/security-info/password", "currentPassword=" + HttpTestClient.enc(DemoUsers.CONTOSO_PASSWORD)
				+ "&newPassword=" + NEW_PASSWORD + "&confirmPassword=" + NEW_PASSWORD)).isEqualTo("/security-info?passwordChanged");
		// The change renews the session under a new id (and the new stamp), which the other instance honours.
		assertThat(visitor.cookie("SSPR_SESSION")).isNotEqualTo(before);
		assertThat(visitor.page(a, "/security-info").text()).contains("Test User");

		assertThat(b.http().signIn("/sign-in", user, NEW_PASSWORD)).isNotNull();
		assertThat(signedInBytes).isPositive().isLessThan(MAX_SESSION_BYTES);
	}

	@Test
	void whenASignedInUserIdentifiesOnAnotherInstanceThenTheSessionIdChangesAndTheOldOneIsGone() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String user = newUser("renewed@personal.example");
		Visitor visitor = Visitor.signedIn(a, "/sign-in", user);
		String before = sessionId(visitor);

		visitor.get(b, "/reset");
		String altcha = TestCaptcha.solve(visitor.get(a, "/captcha/challenge").body());
		assertThat(visitor.post(b, "/reset", "userId=" + HttpTestClient.enc(user) + "&altcha=" + HttpTestClient.enc(altcha)))
				.isEqualTo("/reset/method");

		// S-60: identification gives the session a new id, on whichever instance it happens.
		assertThat(sessionId(visitor)).isNotEqualTo(before);
		assertThat(a.bean(JdbcClient.class).sql("select count(*) from spring_session where session_id = ?").param(before)
				.query(Long.class).single()).isZero();
		visitor.page(a, "/reset/method");
	}

	@Test
	void whenAnAdministratorsRoleIsRevokedThenTheConsoleSessionEndsOnEveryInstance() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		String admin = newUser("console@personal.example");
		JdbcClient jdbc = a.bean(JdbcClient.class);
		jdbc.sql("insert into user_admin_role (user_id, role_name) values ((select id from directory_user where user_id = ?), "
				+ "'Helpdesk Administrator')").param(admin).update();
		Visitor visitor = Visitor.signedIn(a, "/admin/sign-in", admin);

		visitor.page(b, "/admin");
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
		Visitor visitor = new Visitor();

		visitor.get(doomed, "/reset");
		String altcha = TestCaptcha.solve(visitor.get(doomed, "/captcha/challenge").body());
		visitor.post(doomed, "/reset", "userId=" + HttpTestClient.enc(user) + "&altcha=" + HttpTestClient.enc(altcha));
		visitor.post(doomed, "/reset/method", "method=email");
		assertThat(visitor.post(doomed, "/reset/verify/destination", "destination=" + HttpTestClient.enc(email)))
				.isEqualTo("/reset/verify");
		doomed.bean(Outbox.class).dispatchDue();
		String code = cluster.lastCodeTo(email);
		doomed.stop();

		visitor.page(b, "/reset/verify");
		assertThat(visitor.post(b, "/reset/verify/code", "code=" + code)).isEqualTo("/reset/method");
		b.bean(Outbox.class).dispatchDue();
		assertThat(codeMails(email)).as("one code, no second one").isEqualTo(1);
		visitor.post(b, "/reset/method", "method=security-questions");
		assertThat(visitor.post(b, "/reset/verify/answers", answers(b, visitor.page(b, "/reset/verify"))))
				.isEqualTo("/reset/password");
		assertThat(visitor.post(b, "/reset/password", "newPassword=" + NEW_PASSWORD + "&confirmPassword=" + NEW_PASSWORD))
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
	private static int sessionBytes(Visitor visitor) {
		return cluster.instance(1).bean(JdbcClient.class).sql("""
				select coalesce(sum(length(a.attribute_bytes)), 0) from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
				.param(sessionId(visitor)).query(Integer.class).single();
	}

	/** Spring Session writes the id into the cookie Base64-encoded. */
	private static String sessionId(Visitor visitor) {
		return new String(Base64.getDecoder().decode(visitor.cookie("SSPR_SESSION")), StandardCharsets.UTF_8);
	}

	/** A browser without a balancer's stickiness: its cookies, sent to whichever instance it is told. */
	private static final class Visitor {

		private final Map<String, String> cookies = new LinkedHashMap<>();
		private String csrf;
		private String sessionCookie;

		/** Signed in at {@code signInPath} on this instance with the test users' password. */
		static Visitor signedIn(PortalCluster.Instance instance, String signInPath, String userId) throws Exception {
			Visitor visitor = new Visitor();
			String cookie = instance.http().signIn(signInPath, userId, DemoUsers.CONTOSO_PASSWORD);
			visitor.cookies.put("SSPR_SESSION", cookie.substring(cookie.indexOf('=') + 1));
			return visitor;
		}

		HttpResponse<String> get(PortalCluster.Instance instance, String path) throws Exception {
			return keep(instance.http().get(path, cookieHeader()));
		}

		/** A page that must answer 200 on this instance. */
		Document page(PortalCluster.Instance instance, String path) throws Exception {
			HttpResponse<String> response = get(instance, path);
			assertThat(response.statusCode()).as("GET " + path + " on port " + instance.port() + ": "
					+ response.headers().firstValue("Location").orElse("")).isEqualTo(200);
			return Jsoup.parse(response.body());
		}

		/** Posts the form with the CSRF token of the last page; answers where it redirects to. */
		String post(PortalCluster.Instance instance, String path, String form) throws Exception {
			HttpResponse<String> response = keep(instance.http().post(path, cookieHeader(),
					form + "&_csrf=" + HttpTestClient.enc(csrf)));
			assertThat(response.statusCode()).as("POST " + path).isEqualTo(302);
			String location = response.headers().firstValue("Location").orElseThrow();
			return location.replaceFirst("^https?://[^/]+", "");
		}

		String cookie(String name) {
			return cookies.get(name);
		}

		String cookieHeader() {
			return cookies.isEmpty() ? null : String.join("; ", cookies.entrySet().stream()
					.map(c -> c.getKey() + "=" + c.getValue()).toList());
		}

		private HttpResponse<String> keep(HttpResponse<String> response) {
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (name.equals("SSPR_SESSION")) {
					sessionCookie = header;
				}
				if (value.isEmpty()) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			if (response.body().contains("name=\"_csrf\"")) {
				csrf = HttpTestClient.token(response);
			}
			return response;
		}
	}
}
