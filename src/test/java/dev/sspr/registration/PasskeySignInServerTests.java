package dev.sspr.registration;

import static dev.sspr.HttpTestClient.cookie;
import static dev.sspr.HttpTestClient.enc;
import static dev.sspr.HttpTestClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.HttpTestClient;
import dev.sspr.PortalServerTest;
import dev.sspr.TestCaptcha;
import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Passkeys;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passkey sign-in against a real Tomcat and the sessions' database store: the sign-in page stores no
 * session, and a session that existed before a passkey sign-in gets a new id, as with a password (S-60).
 */
@PortalServerTest
class PasskeySignInServerTests {

	static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([A-Za-z0-9_-]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	HttpTestClient client;

	@BeforeEach
	void connect() {
		client = new HttpTestClient(port);
	}

	int sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
	}

	@Test
	void whenTheSignInPageIsOpenedThenNoSessionIsStored() throws Exception {
		int before = sessions();

		HttpResponse<String> page = client.get("/sign-in", null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(CHALLENGE.matcher(page.body()).find()).isTrue();
		assertThat(cookie(page, "SSPR_SESSION")).isNull();
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void whenSessionExistedBeforePasskeySignInThenItsIdChanges() throws Exception {
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", "http://localhost:" + port);
		String userId = TestUsers.in(jdbc).contoso().withEmail("pk.server@home.example").withMobile("+1 555 090 0909")
				.withPasskey(passkeys, device).create();
		String handle = jdbc.sql("select user_handle from passkey_user where user_id = (select id from directory_user where user_id = ?)")
				.param(userId).query(String.class).single();
		// A reset flow gives the browser a session first.
		HttpResponse<String> start = client.get("/reset", null);
		String csrfCookie = cookie(start, "SSPR_CSRF");
		String captcha = client.get("/captcha/challenge", null).body();
		HttpResponse<String> identified = client.post("/reset", csrfCookie, "userId=" + enc(userId) + "&_csrf="
				+ enc(token(start)) + "&altcha=" + enc(TestCaptcha.solve(captcha)));
		String before = cookie(identified, "SSPR_SESSION");
		assertThat(before).isNotNull();

		HttpResponse<String> signInPage = client.get("/sign-in", before);
		Matcher challenge = CHALLENGE.matcher(signInPage.body());
		assertThat(challenge.find()).isTrue();
		Assertion answer = device.assertion(challenge.group(1), handle);
		String cookies = before + "; " + (cookie(signInPage, "SSPR_CSRF") != null ? cookie(signInPage, "SSPR_CSRF") : csrfCookie);
		HttpResponse<String> signedIn = client.post("/sign-in/passkey", cookies, "challenge=" + enc(challenge.group(1))
				+ "&credentialId=" + enc(answer.credentialId()) + "&authenticatorData=" + enc(answer.authenticatorData())
				+ "&clientDataJson=" + enc(answer.clientDataJson()) + "&signature=" + enc(answer.signature())
				+ "&userHandle=" + enc(answer.userHandle()) + "&_csrf=" + enc(token(signInPage)));

		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/security-info"));
		String after = cookie(signedIn, "SSPR_SESSION");
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(client.get("/security-info", after).statusCode()).isEqualTo(200);
		assertThat(client.get("/security-info", before).statusCode()).as("the old id no longer signs anyone in").isEqualTo(302);
	}
}
