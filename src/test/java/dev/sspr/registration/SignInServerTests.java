package dev.sspr.registration;

import static dev.sspr.HttpTestClient.cookie;
import static dev.sspr.HttpTestClient.enc;
import static dev.sspr.HttpTestClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.DemoUsers;
import dev.sspr.HttpTestClient;
import dev.sspr.PortalServerTest;
import dev.sspr.TestCaptcha;
import dev.sspr.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in against a real Tomcat: a session that existed before sign-in gets a new id (S-60); a signed-in
 * user without the administrator role is told so at the console.
 */
@PortalServerTest
class SignInServerTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient client;

	@BeforeEach
	void connect() {
		client = new HttpTestClient(port);
	}

	@Test
	void whenSessionExistedBeforeSignInThenItsIdChanges() throws Exception {
		// A reset flow gives the browser a session first.
		HttpResponse<String> start = get("/reset", null);
		String csrfCookie = cookie(start, "SSPR_CSRF");
		String challenge = get("/captcha/challenge", null).body();
		HttpResponse<String> identified = post("/reset", csrfCookie, "userId=" + enc("alex@contoso.example") + "&_csrf="
				+ enc(token(start)) + "&altcha=" + enc(TestCaptcha.solve(challenge)));
		String before = cookie(identified, "SSPR_SESSION");
		assertThat(before).isNotNull();

		HttpResponse<String> signInPage = get("/sign-in", before);
		String cookies = before + "; " + (cookie(signInPage, "SSPR_CSRF") != null ? cookie(signInPage, "SSPR_CSRF") : csrfCookie);
		HttpResponse<String> signedIn = post("/sign-in", cookies, "userId=" + enc("alex@contoso.example") + "&password="
				+ enc(DemoUsers.CONTOSO_PASSWORD) + "&_csrf=" + enc(token(signInPage)));

		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/security-info"));
		String after = cookie(signedIn, "SSPR_SESSION");
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(get("/security-info", after).statusCode()).isEqualTo(200);
		assertThat(get("/security-info", before).statusCode()).as("the old id no longer signs anyone in").isEqualTo(302);
	}

	HttpResponse<String> get(String path, String cookies) throws Exception {
		return client.get(path, cookies);
	}

	HttpResponse<String> post(String path, String cookies, String form) throws Exception {
		return client.post(path, cookies, form);
	}

	@Test
	void whenAUserWithoutTheAdministratorRoleOpensTheConsoleThenTheyAreToldSo() throws Exception {
		String user = TestUsers.in(jdbc).contoso().outsideSsprGroup().create();
		String session = client.signIn("/sign-in", user, DemoUsers.CONTOSO_PASSWORD);

		HttpResponse<String> console = client.send(client.request("/admin").header("Cookie", session)
				.header("Accept-Language", "lv"));

		assertThat(console.statusCode()).isEqualTo(403);
		assertThat(console.body()).contains("nav administratora lomas", "href=\"/admin/sign-in\"")
				.doesNotContain("derīguma laiks");
	}
}
