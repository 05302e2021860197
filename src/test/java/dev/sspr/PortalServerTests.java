package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal behind a real Tomcat: what a browser sees of sessions, cookies and error pages. */
@PortalServerTest
class PortalServerTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	@Test
	void whenStartPageFetchedWithoutCookieThenNoSessionIsCreated() throws Exception {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/reset")));
			assertThat(response.statusCode()).isEqualTo(200);
			List<String> cookies = response.headers().allValues("Set-Cookie");
			assertThat(cookies).noneMatch(c -> c.startsWith("SSPR_SESSION") || c.startsWith("JSESSIONID"));
			assertThat(cookies).anyMatch(c -> c.startsWith("SSPR_CSRF=") && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
			assertThat(response.body()).doesNotContain(";jsessionid");
		}
	}

	@Test
	void whenPostWithoutCsrfThenLocalizedErrorPageWithoutStackTrace() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/reset"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "lv-LV")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("userId=alex%40contoso.example")));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("lang=\"lv\"").doesNotContain("Exception", "at org.", "Whitelabel");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SSPR_SESSION"));
	}

	@Test
	void whenUnknownPathOrWrongMethodThenFriendlyPage() throws Exception {
		for (HttpResponse<String> response : List.of(
				send(HttpRequest.newBuilder(uri("/reset/nowhere")).header("Accept-Language", "tr")),
				send(HttpRequest.newBuilder(uri("/reset/done")).method("PUT", HttpRequest.BodyPublishers.noBody())),
				send(HttpRequest.newBuilder(uri("/nowhere/secret"))))) {
			assertThat(response.statusCode()).isBetween(400, 499);
			assertThat(response.body()).doesNotContain("Exception", "Whitelabel", "at org.");
		}
	}

	@Test
	void whenRootRequestedThenRedirectedToResetKeepingLanguage() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/?mkt=tr-TR")));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/reset?mkt=tr-TR"));
	}

	@Test
	void whenDevProfileThenOutboxAndStaticAssetsServed() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/dev/outbox"))).statusCode()).isEqualTo(200);
		for (String asset : List.of("/css/portal.css", "/js/portal.js", "/js/captcha.js", "/vendor/altcha/altcha.min.js",
				"/vendor/altcha/sha.js")) {
			assertThat(send(HttpRequest.newBuilder(uri(asset))).statusCode()).as(asset).isEqualTo(200);
		}
	}

	@Test
	void whenAnonymousPagesAreViewedThenNoSessionIsCreated() throws Exception {
		for (String path : List.of("/reset", "/reset/method", "/reset/verify", "/reset/done", "/sign-in",
				"/sign-in?return_to=https%3A%2F%2Fapps.contoso.example%2Fx", "/sign-in?error&return_to=https%3A%2F%2Fevil.example",
				"/security-info?return_to=https%3A%2F%2Fapps.contoso.example%2Fx", "/admin", "/admin/sign-in",
				"/captcha/challenge", "/error?mkt=tr-TR", "/robots.txt", "/?mkt=lv-LV")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)));
			assertThat(response.headers().allValues("Set-Cookie")).as(path)
					.noneMatch(c -> c.startsWith("SSPR_SESSION") || c.startsWith("JSESSIONID"));
		}
	}

	@Test
	void whenAPageLinksItsStaticFilesThenByContentHashedAddressesKeptForAYearWhilePagesAreNotStored() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/reset")));
		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

		java.util.regex.Matcher links = java.util.regex.Pattern
				.compile("(?:href|src|data-worker)=\"(/(?:css|js|vendor|img)/[^\"]+)\"").matcher(page.body());
		List<String> assets = links.results().map(m -> m.group(1)).toList();
		assertThat(assets).hasSizeGreaterThanOrEqualTo(6)
				.allSatisfy(asset -> assertThat(asset).matches(".*-[0-9a-f]{32}\\.(css|js|svg)"));
		assertThat(assets).anySatisfy(asset -> assertThat(asset).startsWith("/vendor/altcha/sha-"));
		for (String asset : assets) {
			HttpResponse<String> file = send(HttpRequest.newBuilder(uri(asset)));
			assertThat(file.statusCode()).as(asset).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(asset)
					.hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").doesNotContain("no-store"));
		}
	}
}
