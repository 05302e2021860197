package dev.sspr.web;

import static dev.sspr.HttpTestClient.cookie;
import static dev.sspr.HttpTestClient.enc;
import static dev.sspr.HttpTestClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.HttpTestClient;
import dev.sspr.PortalServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever a client sends, it gets a localized page with a 4xx status, never a 500, JSON or a stack
 * trace, and the log gets at most one line for it (S-14). Against a real Tomcat, which is where
 * header and body limits live.
 */
@PortalServerTest
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorServerTests {

	/** A log line's start (its timestamp); other lines continue the one before (a stack trace). */
	private static final java.util.regex.Pattern LOG_LINE = java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T");

	@LocalServerPort
	int port;

	HttpTestClient client;

	@BeforeEach
	void connect() {
		client = new HttpTestClient(port);
	}

	@Test
	void whenAcceptLanguageHasManyRangesThenTheLocalizedPageNotAServerError(CapturedOutput output) throws Exception {
		String eleven = IntStream.range(0, 11).mapToObj(i -> List.of("de", "fr", "es", "it", "nl", "pl", "pt", "ru", "sv", "fi", "da").get(i)
				+ ";q=0." + (9 - i % 9)).collect(Collectors.joining(",")) + ",lv;q=0.95";
		String thirty = IntStream.range(0, 30).mapToObj(i -> "x" + (char) ('a' + i % 26) + "-" + i).collect(Collectors.joining(","))
				+ ",tr";
		for (String header : List.of(eleven, thirty, "lv;q=abc", ";;;,,,q=", "*", "tr-TR;q=1.0".repeat(200))) {
			int logged = output.getAll().length();
			for (String path : List.of("/reset", "/sign-in", "/nowhere", "/admin/sign-in")) {
				HttpResponse<String> page = client.send(client.request(path).header("Accept-Language", header));
				assertThat(page.statusCode()).as(header + " " + path).isIn(200, 404);
				assertThat(page.body()).as(header + " " + path).contains("<html lang=\"");
			}
			assertThat(requestLog(output, logged)).as(header).doesNotContain("Exception", "ERROR");
		}
		assertThat(client.send(client.request("/reset").header("Accept-Language", eleven)).body()).contains("lang=\"lv\"");
		assertThat(client.send(client.request("/reset").header("Accept-Language", thirty)).body()).contains("lang=\"tr\"");
	}

	@Test
	void whenCsrfTokenIsTamperedButStillBase64ThenForbiddenNotServerError(CapturedOutput output) throws Exception {
		HttpResponse<String> page = client.get("/reset", null);
		String token = token(page);
		byte[] raw = Base64.getUrlDecoder().decode(token);
		for (int first = 0; first < 8; first++) {
			byte[] altered = Arrays.copyOf(raw, raw.length);
			// Flips the random half's first bytes: the XOR then yields bytes that are not UTF-8.
			for (int i = 0; i <= first; i++) {
				altered[i] ^= (byte) 0x80;
			}
			int logged = output.getAll().length();
			HttpResponse<String> refused = client.post("/reset", cookie(page, "SSPR_CSRF"),
					"userId=x%40contoso.example&_csrf=" + enc(Base64.getUrlEncoder().encodeToString(altered)));

			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("<html lang=\"");
			assertThat(requestLog(output, logged)).doesNotContain("Exception", "ERROR");
		}
	}

	@Test
	void whenTheErrorPageIsAskedForDirectlyInAnyLanguageThenAPageNotFound() throws Exception {
		for (String language : List.of("en-US", "tr-TR", "lv-LV")) {
			HttpResponse<String> page = client.get("/error?mkt=" + language, null);
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).contains("lang=\"" + language.substring(0, 2) + "\"");
		}
		// An error page's language picker leads to the address that failed, not to /error.
		assertThat(client.get("/nowhere/deeper", null).body()).contains("action=\"/nowhere/deeper\"")
				.doesNotContain("action=\"/error");
	}

	@Test
	void whenAnUnknownTopLevelAddressIsAskedThenNotFoundNotForbidden() throws Exception {
		for (String path : List.of("/robots.txt", "/sitemap.xml", "/.env", "/wp-login.php")) {
			HttpResponse<String> page = client.get(path, null);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("find that page").doesNotContain("expired");
		}
	}

	@Test
	void whenTheClientAcceptsOnlyJsonThenStillTheErrorPage() throws Exception {
		HttpResponse<String> page = client.send(client.request("/nowhere").header("Accept", "application/json"));

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).startsWith("<!DOCTYPE html>").doesNotContain("\"timestamp\"");
	}

	@Test
	void whenAFormIsTooLargeOrBrokenOrOverIndexedThenTheErrorPageAndOneLogLineWithoutStackTrace(CapturedOutput output) throws Exception {
		HttpResponse<String> page = client.get("/reset", null);
		String csrf = cookie(page, "SSPR_CSRF");
		byte[] upload = new byte[3_000_000];
		List<HttpRequest.Builder> requests = List.of(
				client.request("/reset").header("Cookie", csrf).header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token(page)) + "&userId=" + "a".repeat(300_000))),
				client.request("/admin/customization").header("Cookie", csrf)
						.header("Content-Type", "multipart/form-data; boundary=XX")
						.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(upload))),
				client.request("/reset").header("Cookie", csrf).header("Content-Type", "multipart/form-data; boundary=XX")
						.POST(HttpRequest.BodyPublishers.ofString("--XX\r\nContent-Disposition: form-data; name=\"userId\"\r\n\r\nabc")),
				// Spring's binding throws on a list index far past the list rather than rejecting it.
				client.request("/reset/verify/answers").header("Cookie", csrf)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token(page)) + "&answers%5B99999%5D=x")));
		for (HttpRequest.Builder request : requests) {
			int logged = output.getAll().length();
			HttpResponse<String> refused = client.send(request.header("Accept-Language", "tr"));

			assertThat(refused.statusCode()).isIn(400, 413);
			assertThat(refused.body()).contains("lang=\"tr\"");
			String log = requestLog(output, logged);
			assertThat(log.lines().filter(line -> !line.isBlank()).count()).as(log).isLessThanOrEqualTo(1);
			assertThat(log).doesNotContain("Exception", "\tat ");
		}
	}

	/**
	 * What was logged since {@code from} by the server's request threads, with any stack trace: the
	 * background threads of other test contexts in this JVM are not this request's doing.
	 */
	private static String requestLog(CapturedOutput output, int from) {
		StringBuilder log = new StringBuilder();
		boolean fromRequest = false;
		for (String line : output.getAll().substring(from).split("\n")) {
			if (LOG_LINE.matcher(line).find()) {
				fromRequest = line.contains("-exec-");
			}
			if (fromRequest) {
				log.append(line).append('\n');
			}
		}
		return log.toString();
	}

	private static byte[] multipart(byte[] content) {
		byte[] head = "--XX\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\r\n--XX--\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] all = Arrays.copyOf(head, head.length + content.length + tail.length);
		System.arraycopy(content, 0, all, head.length, content.length);
		System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
		return all;
	}
}
