package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client against the portal on a real port: no redirects followed, cookies by hand. */
public final class HttpTestClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final int port;
	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public HttpTestClient(int port) {
		this.port = port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path, String cookies) throws Exception {
		HttpRequest.Builder request = request(path);
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		return send(request);
	}

	public HttpResponse<String> post(String path, String cookies, String form) throws Exception {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		return send(request);
	}

	/** {@code name=value} of the cookie the response sets, or null. */
	public static String cookie(HttpResponse<String> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
				.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
	}

	public static String token(HttpResponse<String> page) {
		Matcher m = CSRF.matcher(page.body());
		assertThat(m.find()).as("CSRF token on the page").isTrue();
		return m.group(1);
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A user's session cookie after signing in at {@code /sign-in} (or {@code /admin/sign-in}). */
	public String signIn(String signInPath, String userId, String password) throws Exception {
		HttpResponse<String> page = get(signInPath, null);
		HttpResponse<String> signedIn = post(signInPath, cookie(page, "SSPR_CSRF"),
				"userId=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(token(page)));
		String session = cookie(signedIn, "SSPR_SESSION");
		assertThat(session).as("signed in as " + userId).isNotNull();
		return session;
	}
}
