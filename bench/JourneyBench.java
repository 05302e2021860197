import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full reset journeys over HTTP against a running portal, from outside its process, with an SMTP
 * sink of its own that reads the codes (the portal runs with spring.mail.host=127.0.0.1 and this
 * port). No dependencies: {@code java bench/JourneyBench.java OPTIONS PHASE...}.
 *
 * <p>A phase is {@code tenant:users:seconds}: {@code users} workers, each on accounts of its own
 * (bench-&lt;tenant&gt;-&lt;worker&gt;-&lt;k&gt;@&lt;tenant&gt;.example, made by bench/journeys.sh), run journeys
 * back to back for {@code seconds}. Fabrikam's journey is one method (email code); Contoso's is two
 * (email code, then three security questions). Per phase: journeys/s, the server's CPU time per
 * journey (utime+stime of {@code --pid} from /proc, over the phase), p50/p99 of every step, and the
 * server's RSS every 10 s.
 *
 * <p>Options: {@code --base URL --smtp-port N --pid PID [--clk-tck 100] [--accounts 4] [--rss-log FILE]}.
 */
public class JourneyBench {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"?([^\",}]*)\"?");
	static final Pattern ANSWER_LABEL = Pattern.compile("<label for=\"answer-(\\d+)\">([^<]*)</label>");
	static final Pattern CODE = Pattern.compile("account: (\\d{6,10})\\b");
	static final Map<String, String> ANSWERS = Map.of("father", "Seattle", "food", "Lasagna", "pet", "Rex");

	static String base;
	static int pid;
	static int clkTck = 100;
	static int accounts = 4;
	static Path rssLog;
	static final Map<String, BlockingQueue<String>> codes = new ConcurrentHashMap<>();
	static final SecureRandom random = new SecureRandom();

	public static void main(String[] args) throws Exception {
		int smtpPort = 2525;
		List<String> phases = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--base" -> base = args[++i];
				case "--smtp-port" -> smtpPort = Integer.parseInt(args[++i]);
				case "--pid" -> pid = Integer.parseInt(args[++i]);
				case "--clk-tck" -> clkTck = Integer.parseInt(args[++i]);
				case "--accounts" -> accounts = Integer.parseInt(args[++i]);
				case "--rss-log" -> rssLog = Path.of(args[++i]);
				default -> phases.add(args[i]);
			}
		}
		startSmtpSink(smtpPort);
		idleBaseline();
		for (String phase : phases) {
			String[] p = phase.split(":");
			run(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), p.length > 3 && p[3].equals("quiet"));
		}
		System.exit(0);
	}

	/** The server's own CPU use with nothing to do (pollers, timers), to read the phases against. */
	static void idleBaseline() throws Exception {
		long before = cpuMillis();
		Thread.sleep(5000);
		System.out.printf("idle server CPU: %.1f ms/s%n", (cpuMillis() - before) / 5.0);
	}

	static void run(String tenant, int users, int seconds, boolean quiet) throws Exception {
		Map<String, List<Long>> steps = new ConcurrentHashMap<>();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> workers = new ArrayList<>();
		long cpuBefore = cpuMillis();
		long start = System.nanoTime();
		for (int w = 0; w < users; w++) {
			int worker = w;
			Thread t = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
						.connectTimeout(Duration.ofSeconds(10)).build();
				for (int n = 0; !stop.get(); n++) {
					String account = "bench-" + tenant + "-" + worker + "-" + (n % accounts);
					try {
						new Journey(http, tenant, account, steps).run();
						if (!stop.get()) {
							done.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
						System.err.println("journey of " + account + " failed: " + ex.getMessage());
					}
				}
			});
			t.start();
			workers.add(t);
		}
		List<String> rss = new ArrayList<>();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		long nextSample = start;
		long lastCpu = cpuBefore;
		int lastDone = 0;
		while (System.nanoTime() < end) {
			if (System.nanoTime() >= nextSample) {
				long at = (System.nanoTime() - start) / 1_000_000_000L;
				// The CPU of the last interval per journey finished in it: the JIT's warm-up shows, then fades.
				long cpuNow = cpuMillis();
				int doneNow = done.get();
				String line = at + " s: " + rssMib() + " MiB, " + doneNow + " journeys"
						+ (doneNow > lastDone ? ", " + (cpuNow - lastCpu) / (doneNow - lastDone) + " ms CPU each" : "");
				lastCpu = cpuNow;
				lastDone = doneNow;
				rss.add(line);
				if (rssLog != null) {
					Files.writeString(rssLog, tenant + " x" + users + " " + line + "\n", StandardCharsets.UTF_8,
							java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
				}
				nextSample += TimeUnit.SECONDS.toNanos(10);
			}
			Thread.sleep(200);
		}
		// Journeys that finish after the bell still used the server's CPU: stop, wait, then count them.
		stop.set(true);
		int counted = done.get();
		for (Thread t : workers) {
			t.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpu = cpuMillis() - cpuBefore;
		if (quiet) {
			System.out.printf("warm-up %s x%d: %d journeys%n", tenant, users, counted);
			return;
		}
		// CPU runs until the last worker finishes; count every journey that finished by then.
		int journeys = steps.getOrDefault("GET /reset/done", List.of()).size();
		System.out.printf("%n%s, %d concurrent users, %d s: %d journeys (%d failed), %.2f journeys/s, "
				+ "server CPU %.0f ms per journey, RSS %d MiB%n", tenant, users, seconds, journeys, failed.get(),
				counted / (double) seconds, cpu / (double) Math.max(1, journeys), rssMib());
		System.out.printf("  %-36s %7s %9s %9s%n", "step", "count", "p50 ms", "p99 ms");
		for (Map.Entry<String, List<Long>> step : new TreeMap<>(steps).entrySet()) {
			List<Long> sorted = new ArrayList<>(step.getValue());
			Collections.sort(sorted);
			System.out.printf("  %-36s %7d %9.1f %9.1f%n", step.getKey(), sorted.size(), pct(sorted, 0.50) / 1e6,
					pct(sorted, 0.99) / 1e6);
		}
		System.out.println("  RSS: " + String.join("; ", rss));
	}

	/** One journey, step by step as a browser makes it; every request timed under its step's name. */
	static final class Journey {

		final HttpClient http;
		final String tenant;
		final String userId;
		final String email;
		final Map<String, List<Long>> steps;
		final Map<String, String> cookies = new LinkedHashMap<>();
		String page;

		Journey(HttpClient http, String tenant, String account, Map<String, List<Long>> steps) {
			this.http = http;
			this.tenant = tenant;
			this.userId = account + "@" + tenant + ".example";
			this.email = account + "@mail.bench.example";
			this.steps = steps;
		}

		void run() throws Exception {
			get("/reset");
			String challenge = send("GET /captcha/challenge", request("/captcha/challenge").GET()).body();
			String next = post("/reset", Map.of("userId", userId, "altcha", solve(challenge)), "POST /reset (identify)");
			List<String> proven = new ArrayList<>();
			for (int guard = 0; guard < 20; guard++) {
				get(next);
				if (next.equals("/reset/done")) {
					return;
				}
				next = switch (next) {
					case "/reset/method" -> {
						String method = proven.contains("email") ? "security-questions" : "email";
						proven.add(method);
						yield post("/reset/method", Map.of("method", method), "POST /reset/method");
					}
					case "/reset/verify" -> verify();
					case "/reset/password" -> {
						// Nothing of the user's names (Bench, User...) or the tenant's: the policy would refuse it.
						String password = "Qz-" + HexFormat.of().formatHex(random.generateSeed(6)) + "#Lm7";
						yield post("/reset/password", Map.of("newPassword", password, "confirmPassword", password),
								"POST /reset/password");
					}
					default -> throw new IllegalStateException(userId + " reached " + next);
				};
			}
			throw new IllegalStateException(userId + " did not finish");
		}

		String verify() throws Exception {
			if (page.contains("action=\"/reset/verify/destination\"")) {
				codes.computeIfAbsent(email, e -> new LinkedBlockingQueue<>()).clear();
				return post("/reset/verify/destination", Map.of("destination", email), "POST /reset/verify/destination");
			}
			if (page.contains("action=\"/reset/verify/code\"")) {
				long start = System.nanoTime();
				String code = codes.computeIfAbsent(email, e -> new LinkedBlockingQueue<>()).poll(60, TimeUnit.SECONDS);
				if (code == null) {
					throw new IllegalStateException("no code arrived for " + email);
				}
				record("(code arrives by SMTP)", System.nanoTime() - start);
				return post("/reset/verify/code", Map.of("code", code), "POST /reset/verify/code");
			}
			if (page.contains("action=\"/reset/verify/answers\"")) {
				Map<String, String> form = new HashMap<>();
				Matcher label = ANSWER_LABEL.matcher(page);
				while (label.find()) {
					String question = label.group(2);
					String answer = ANSWERS.entrySet().stream().filter(a -> question.contains(a.getKey()))
							.map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException(question));
					form.put("answers[" + label.group(1) + "]", answer);
				}
				return post("/reset/verify/answers", form, "POST /reset/verify/answers");
			}
			throw new IllegalStateException("unknown verify page for " + userId);
		}

		void get(String path) throws Exception {
			HttpResponse<String> response = send("GET " + path, request(path).GET());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
			page = response.body();
		}

		String post(String path, Map<String, String> fields, String step) throws Exception {
			Matcher token = CSRF.matcher(page);
			if (!token.find()) {
				throw new IllegalStateException("no CSRF token before " + step);
			}
			StringBuilder form = new StringBuilder("_csrf=" + enc(token.group(1)));
			fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
			HttpResponse<String> response = send(step, request(path).header("Content-Type",
					"application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())));
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() != 302 || location.isEmpty()) {
				throw new IllegalStateException(step + " answered " + response.statusCode() + " " + location);
			}
			return URI.create(location).getPath();
		}

		HttpRequest.Builder request(String path) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
					.header("Accept-Language", "en");
			if (!cookies.isEmpty()) {
				StringBuilder header = new StringBuilder();
				cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
				builder.header("Cookie", header.toString());
			}
			return builder;
		}

		HttpResponse<String> send(String step, HttpRequest.Builder request) throws Exception {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			record(step, System.nanoTime() - start);
			for (String cookie : response.headers().allValues("Set-Cookie")) {
				String pair = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
				int eq = pair.indexOf('=');
				cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
			return response;
		}

		void record(String step, long nanos) {
			steps.computeIfAbsent(step, s -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
		}
	}

	/** ALTCHA v1, as the widget does it: find n with sha256(salt + n) == challenge. */
	static String solve(String json) throws Exception {
		Map<String, String> f = new HashMap<>();
		Matcher m = FIELD.matcher(json);
		while (m.find()) {
			f.put(m.group(1), m.group(2));
		}
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		byte[] target = HexFormat.of().parseHex(f.get("challenge"));
		long max = Long.parseLong(f.get("maxnumber"));
		for (long n = 0; n <= max; n++) {
			if (MessageDigest.isEqual(sha.digest((f.get("salt") + n).getBytes(StandardCharsets.UTF_8)), target)) {
				String payload = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + f.get("challenge") + "\",\"number\":" + n
						+ ",\"salt\":\"" + f.get("salt") + "\",\"signature\":\"" + f.get("signature") + "\"}";
				return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
			}
		}
		throw new IllegalStateException("captcha not solvable");
	}

	/** A minimal SMTP server on 127.0.0.1 that accepts every message and keeps the codes by recipient. */
	static void startSmtpSink(int port) throws IOException {
		ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (true) {
				try {
					Socket socket = server.accept();
					Thread session = new Thread(() -> smtpSession(socket));
					session.setDaemon(true);
					session.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static void smtpSession(Socket socket) {
		try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
				StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
			reply(out, "220 bench SMTP sink");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (verb) {
					case "EHLO", "HELO" -> reply(out, "250 bench");
					case "MAIL" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "RCPT" -> {
						Matcher address = Pattern.compile("<([^>]+)>").matcher(line);
						if (address.find()) {
							recipients.add(address.group(1).toLowerCase());
						}
						reply(out, "250 OK");
					}
					case "DATA" -> {
						reply(out, "354 go on");
						StringBuilder data = new StringBuilder();
						while ((line = in.readLine()) != null && !line.equals(".")) {
							data.append(line).append('\n');
						}
						String code = codeIn(data.toString());
						if (code != null) {
							for (String to : recipients) {
								codes.computeIfAbsent(to, e -> new LinkedBlockingQueue<>()).add(code);
							}
						}
						reply(out, "250 OK queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// The portal closed the connection; nothing to keep.
		}
	}

	/** The code in a message: in its text as sent, quoted-printable or base64. */
	static String codeIn(String message) {
		String text = message.replace("=\n", "").replace("=3D", "=");
		Matcher m = CODE.matcher(text);
		if (m.find()) {
			return m.group(1);
		}
		StringBuilder block = new StringBuilder();
		for (String line : message.split("\n")) {
			if (line.matches("[A-Za-z0-9+/=]{16,}")) {
				block.append(line);
				continue;
			}
			if (!block.isEmpty()) {
				try {
					Matcher b = CODE.matcher(new String(Base64.getDecoder().decode(block.toString()), StandardCharsets.UTF_8));
					if (b.find()) {
						return b.group(1);
					}
				}
				catch (IllegalArgumentException ex) {
					// Not base64 after all.
				}
				block.setLength(0);
			}
		}
		return null;
	}

	static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** utime + stime of the server process, in milliseconds. */
	static long cpuMillis() throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / clkTck;
	}

	static long rssMib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static double pct(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}
}
