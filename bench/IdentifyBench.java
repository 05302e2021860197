import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the identify POST for a known (eligible) and an unknown user ID, alternating, the way a
 * browser submits it: a fresh page for the CSRF cookie and token, a solved captcha, then the POST.
 * Only the POST is timed. No dependencies: run with `java bench/IdentifyBench.java BASE_URL ROUNDS`.
 */
public class IdentifyBench {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"?([^\",}]*)\"?");

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		int warmup = Math.max(20, rounds / 5);
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < warmup + rounds; i++) {
			long k = identify(http, base, "alex@contoso.example", "/reset/method");
			long u = identify(http, base, "nobody" + i + "@contoso.example", "/reset/contact-admin");
			if (i >= warmup) {
				known.add(k);
				unknown.add(u);
			}
		}
		double mk = median(known) / 1e6;
		double mu = median(unknown) / 1e6;
		System.out.printf("identify known   median %.2f ms  p90 %.2f ms (n=%d)%n", mk, pct(known, 0.9) / 1e6, known.size());
		System.out.printf("identify unknown median %.2f ms  p90 %.2f ms (n=%d)%n", mu, pct(unknown, 0.9) / 1e6, unknown.size());
		System.out.printf("identify difference %.1f %%%n", 100.0 * Math.abs(mk - mu) / Math.min(mk, mu));
	}

	static long identify(HttpClient http, String base, String userId, String expected) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/reset")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SSPR_CSRF="))
				.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		String challenge = http.send(HttpRequest.newBuilder(URI.create(base + "/captcha/challenge")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String form = "userId=" + enc(userId) + "&_csrf=" + enc(token.group(1)) + "&altcha=" + enc(solve(challenge));
		HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/reset")).header("Cookie", cookie)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build();
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
		long took = System.nanoTime() - start;
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.endsWith(expected)) {
			throw new IllegalStateException("identify " + userId + " answered " + response.statusCode() + " " + location);
		}
		return took;
	}

	/** ALTCHA v1: find n with sha256(salt + n) == challenge. */
	static String solve(String json) throws Exception {
		java.util.Map<String, String> f = new java.util.HashMap<>();
		Matcher m = FIELD.matcher(json);
		while (m.find()) {
			f.put(m.group(1), m.group(2));
		}
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		long max = Long.parseLong(f.get("maxnumber"));
		for (long n = 0; n <= max; n++) {
			String hex = HexFormat.of().formatHex(sha.digest((f.get("salt") + n).getBytes(StandardCharsets.UTF_8)));
			if (hex.equals(f.get("challenge"))) {
				String payload = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + f.get("challenge") + "\",\"number\":" + n
						+ ",\"salt\":\"" + f.get("salt") + "\",\"signature\":\"" + f.get("signature") + "\"}";
				return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
			}
		}
		throw new IllegalStateException("captcha not solvable");
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static double median(List<Long> values) {
		return pct(values, 0.5);
	}

	static double pct(List<Long> values, double p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
	}
}
