package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.DemoUsers;
import dev.sspr.TestCaptcha;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Sign-in against a real Tomcat: a session that existed before sign-in gets a new id (S-60). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "dev", "test" })
class SignInServerTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String cookies, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookies)
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String cookie(HttpResponse<String> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
				.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
	}

	static String token(HttpResponse<String> page) {
		Matcher m = CSRF.matcher(page.body());
		assertThat(m.find()).as("CSRF token on the page").isTrue();
		return m.group(1);
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
