package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as a user runs it ({@code java -jar}), without the dev profile (S-25):
 * it refuses to start without its keys, transports and public URL (the passkeys' relying party), and
 * once they are given it serves nothing dev-only, even with the old {@code sspr.dev.outbox=true}
 * switch. Run by Failsafe after {@code package}; each test is its own JVM, on loopback only.
 */
class PackagedJarTests {

	static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
	static final List<String> KEYS = List.of("--sspr.verification.totp-key=" + KEY, "--sspr.verification.code-key=" + KEY,
			"--sspr.delivery.outbox-key=" + KEY, "--sspr.captcha.hmac-key=" + KEY);
	static final List<String> TRANSPORTS = List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
			"--sspr.delivery.provider.base-url=http://127.0.0.1:1", "--sspr.delivery.provider.account-id=AC1",
			"--sspr.delivery.provider.token=provider-token", "--sspr.delivery.provider.from-number=+15550000000");
	/** Outside dev the portal needs its public address (or a passkey rp-id) to start. */
	static final String PUBLIC_URL = "--sspr.public-url=https://sspr.example.com";
	/** Generous: a loaded two-core machine starts the portal in well under a minute. */
	static final Duration START = Duration.ofMinutes(3);

	@TempDir
	Path work;

	@Test
	void whenNoKeyIsConfiguredOutsideDevThenItRefusesToStartNamingEachKey() throws Exception {
		List<String> arguments = new ArrayList<>(TRANSPORTS);
		arguments.add(PUBLIC_URL);
		Run run = start(arguments);

		assertThat(run.process().waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("exits on its own").isTrue();
		assertThat(run.process().exitValue()).isNotZero();
		assertThat(run.output()).contains("APPLICATION FAILED TO START", "sspr.verification.totp-key is not set",
				"sspr.verification.code-key is not set", "sspr.delivery.outbox-key is not set", "sspr.captcha.hmac-key is not set",
				"openssl rand -base64 32").doesNotContain("\tat ");
	}

	@Test
	void whenNoTransportIsConfiguredOutsideDevThenItRefusesToStartEvenWithTheOldDevOutboxSwitch() throws Exception {
		List<String> arguments = new ArrayList<>(KEYS);
		arguments.addAll(List.of("--sspr.dev.outbox=true", PUBLIC_URL));
		Run run = start(arguments);

		assertThat(run.process().waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("exits on its own").isTrue();
		assertThat(run.process().exitValue()).isNotZero();
		assertThat(run.output()).contains("APPLICATION FAILED TO START", "a transport for EMAIL messages",
				"a transport for SMS messages", "a transport for VOICE messages").doesNotContain("\tat ");
	}

	@Test
	void whenNeitherRpIdNorPublicUrlIsConfiguredOutsideDevThenItRefusesToStartNamingTheSetting() throws Exception {
		List<String> arguments = new ArrayList<>(KEYS);
		arguments.addAll(TRANSPORTS);
		arguments.add("--server.port=" + freePort());
		Run run = start(arguments);

		assertThat(run.process().waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("exits on its own").isTrue();
		assertThat(run.process().exitValue()).isNotZero();
		assertThat(run.output()).contains("APPLICATION FAILED TO START", "sspr.webauthn.rp-id is not set",
				"sspr.public-url").doesNotContain("\tat ");
	}

	@Test
	void whenConfiguredForProductionThenNothingDevOnlyIsServed() throws Exception {
		int port = freePort();
		List<String> arguments = new ArrayList<>(KEYS);
		arguments.addAll(TRANSPORTS);
		arguments.addAll(List.of("--server.port=" + port, "--sspr.dev.outbox=true", PUBLIC_URL));
		Run run = start(arguments);
		try {
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			// Up although nothing answers on the mail port: SMTP outages are the outbox's to retry.
			awaitUp(http, port, run);

			for (String path : List.of("/dev/outbox", "/dev/authenticator")) {
				HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).as(path).isEqualTo(404);
			}
			HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/voice/abc"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("Digits=%23&from=outbox")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(unsigned.statusCode()).as("an unsigned voice callback").isEqualTo(403);
			assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reset")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			assertThat(run.output()).doesNotContain("Dev outbox is on", "generated a key");
		}
		finally {
			run.process().destroy();
			run.process().waitFor(30, TimeUnit.SECONDS);
		}
	}

	record Run(Process process, Path log) {

		String output() throws IOException {
			return Files.readString(log);
		}
	}

	Run start(List<String> arguments) throws IOException {
		String jar = System.getProperty("sspr.jar");
		assertThat(jar).as("the packaged jar (Failsafe passes sspr.jar)").isNotNull();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xshare:auto", "-jar", jar));
		command.addAll(arguments);
		Path log = work.resolve("portal.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.directory(work.toFile()).start();
		return new Run(process, log);
	}

	static void awaitUp(HttpClient http, int port, Run run) throws Exception {
		long deadline = System.nanoTime() + START.toNanos();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() < deadline) {
			assertThat(run.process().isAlive()).as("still running: %s", run.output()).isTrue();
			try {
				if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			// Polling a process we do not control: nothing to wait on but its port.
			run.process().waitFor(250, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("the portal did not start within " + START + ": " + run.output());
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
