package dev.sspr;

import static dev.sspr.HttpTestClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser walking the portal over real HTTP: one cookie jar, the CSRF token of the last page it saw,
 * every answer's status kept. It sends to whichever instance it was last pointed {@link #at}, as a
 * balancer without sticky sessions would.
 */
public final class HttpJourney {

	private final String language;
	private final Map<String, String> cookies = new LinkedHashMap<>();
	private final Map<String, String> setCookies = new LinkedHashMap<>();
	private final List<Integer> statuses = new ArrayList<>();
	private HttpTestClient http;
	private String csrf;

	public HttpJourney(HttpTestClient http) {
		this(http, null);
	}

	/** A browser that asks for pages in {@code language} (an Accept-Language value), or the default when null. */
	public HttpJourney(HttpTestClient http, String language) {
		this.http = http;
		this.language = language;
	}

	/** Signed in at {@code signInPath} (a session cookie and nothing else yet). */
	public static HttpJourney signedIn(HttpTestClient http, String signInPath, String userId, String password)
			throws Exception {
		HttpJourney journey = new HttpJourney(http);
		String cookie = http.signIn(signInPath, userId, password);
		journey.cookies.put("SSPR_SESSION", cookie.substring(cookie.indexOf('=') + 1));
		return journey;
	}

	/** From now on, to this instance. */
	public HttpJourney at(HttpTestClient instance) {
		this.http = instance;
		return this;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return keep(http.send(request(path)));
	}

	/** A page that must answer 200. */
	public Document page(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET " + http.uri(path) + ": "
				+ response.headers().firstValue("Location").orElse("")).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	/** Posts the form with the CSRF token of the last page (fetching {@code path} first when there was none). */
	public HttpResponse<String> post(String path, String form) throws Exception {
		if (csrf == null) {
			get(path);
		}
		return keep(http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf)))));
	}

	/** Posts the form; answers where it redirects to. */
	public String submit(String path, String form) throws Exception {
		return redirect(post(path, form));
	}

	/** Posts the form, then shows the page it leads to (as a browser follows the redirect); answers its path. */
	public String step(String path, String form) throws Exception {
		return follow(post(path, form));
	}

	/** Shows the page this redirect leads to; answers its path. */
	public String follow(HttpResponse<String> redirect) throws Exception {
		String next = redirect(redirect);
		get(next);
		return next;
	}

	/** The start page, the captcha solved, the user ID: the answer to that. */
	public HttpResponse<String> identify(String userId) throws Exception {
		get("/reset");
		String solution = TestCaptcha.solve(get("/captcha/challenge").body());
		return post("/reset", "userId=" + enc(userId) + "&altcha=" + enc(solution));
	}

	public HttpResponse<String> chooseMethod(String method) throws Exception {
		return post("/reset/method", "method=" + enc(method));
	}

	public HttpResponse<String> confirmDestination(String destination) throws Exception {
		return post("/reset/verify/destination", "destination=" + enc(destination));
	}

	public HttpResponse<String> enterCode(String code) throws Exception {
		return post("/reset/verify/code", "code=" + enc(code));
	}

	public HttpResponse<String> newPassword(String password) throws Exception {
		return post("/reset/password", "newPassword=" + enc(password) + "&confirmPassword=" + enc(password));
	}

	/** The value of the cookie the browser holds, or null. */
	public String cookie(String name) {
		return cookies.get(name);
	}

	/** The last Set-Cookie header for this cookie, attributes and all, or null. */
	public String setCookie(String name) {
		return setCookies.get(name);
	}

	/** The Cookie header the browser sends, or null when it holds none. */
	public String cookieHeader() {
		return cookies.isEmpty() ? null : String.join("; ", cookies.entrySet().stream()
				.map(c -> c.getKey() + "=" + c.getValue()).toList());
	}

	/** Every status answered so far. */
	public List<Integer> statuses() {
		synchronized (statuses) {
			return List.copyOf(statuses);
		}
	}

	/** The path a response redirects to, or null. */
	public static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
	}

	private static String redirect(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri().getPath())
				.isEqualTo(302);
		return location(response);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = http.request(path);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		String cookieHeader = cookieHeader();
		if (cookieHeader != null) {
			request.header("Cookie", cookieHeader);
		}
		return request;
	}

	private HttpResponse<String> keep(HttpResponse<String> response) {
		synchronized (statuses) {
			statuses.add(response.statusCode());
		}
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			setCookies.put(name, header);
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
