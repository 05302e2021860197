package dev.sspr.health;

import dev.sspr.directory.ldap.WritebackStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The {@code mailServer} and {@code directoryServer} indicators, which the groups
 * {@code /actuator/health/mail} and {@code /actuator/health/directory} report: checked in the background
 * on one thread, quickly (a greeting from the mail server, the directory's writeback check), and
 * kept for {@link #MAX_AGE}.
 */
@Configuration(proxyBeanMethods = false)
class HealthChecks implements DisposableBean {

	static final Duration MAX_AGE = Duration.ofSeconds(30);
	private static final int TIMEOUT_MILLIS = 3_000;

	/** Not a bean: an Executor bean would replace Spring Boot's application task executor. */
	private final ExecutorService healthChecker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "health-check");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public void destroy() {
		healthChecker.shutdownNow();
	}

	@Bean
	HealthIndicator mailServerHealthIndicator(ObjectProvider<JavaMailSender> mail) {
		return new ReportedHealth(() -> mail.getIfAvailable() instanceof JavaMailSenderImpl smtp && smtp.getHost() != null
				? greets(smtp.getHost(), smtp.getPort() > 0 ? smtp.getPort() : 25) : Status.UNKNOWN, healthChecker, MAX_AGE);
	}

	@Bean
	HealthIndicator directoryServerHealthIndicator(WritebackStatus writeback) {
		return new ReportedHealth(() -> switch (writeback.check().state()) {
			case CANNOT_CONNECT, TEMPORARY_PROBLEM -> ReportedHealth.UNREACHABLE;
			case NOT_CONFIGURED -> Status.UNKNOWN;
			default -> Status.UP;
		}, healthChecker, MAX_AGE);
	}

	/** UP when the SMTP server says 220 within the timeout: what a send needs first. */
	static Status greets(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
					.readLine();
			OutputStream out = socket.getOutputStream();
			out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return greeting != null && greeting.startsWith("220") ? Status.UP : ReportedHealth.UNREACHABLE;
		}
		catch (IOException ex) {
			return ReportedHealth.UNREACHABLE;
		}
	}
}
