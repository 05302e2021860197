package dev.sspr.capacity;

import static dev.sspr.HttpTestClient.enc;

import dev.sspr.HttpTestClient;
import dev.sspr.TestCaptcha;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** A reset journey over real HTTP, as a browser makes it: cookies by hand, every answer's status kept. */
final class HttpJourney {

	private final HttpTestClient http;
	private final List<Integer> statuses = new ArrayList<>();
	private String cookies;
	private String csrf;

	HttpJourney(HttpTestClient http) {
		this.http = http;
	}

	/** The start page, the captcha and the user ID. */
	HttpJourney identify(String userId) throws Exception {
		HttpResponse<String> start = keep(http.get("/reset", null));
		cookies = HttpTestClient.cookie(start, "SSPR_CSRF");
		csrf = HttpTestClient.token(start);
		String solution = TestCaptcha.solve(keep(http.get("/captcha/challenge", cookies)).body());
		HttpResponse<String> identified = post("/reset", "userId=" + enc(userId) + "&altcha=" + enc(solution));
		String session = HttpTestClient.cookie(identified, "SSPR_SESSION");
		if (session != null) {
			cookies = cookies + "; " + session;
		}
		return this;
	}

	HttpResponse<String> post(String path, String form) throws Exception {
		return keep(http.post(path, cookies, form + "&_csrf=" + enc(csrf)));
	}

	HttpResponse<String> get(String path) throws Exception {
		return keep(http.get(path, cookies));
	}

	/** Every status answered so far. */
	List<Integer> statuses() {
		return statuses;
	}

	private HttpResponse<String> keep(HttpResponse<String> response) {
		synchronized (statuses) {
			statuses.add(response.statusCode());
		}
		return response;
	}
}
