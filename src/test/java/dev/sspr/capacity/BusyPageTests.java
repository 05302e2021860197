package dev.sspr.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.HttpTestClient;
import dev.sspr.PortalCluster;
import dev.sspr.PostgresAvailable;
import java.net.http.HttpResponse;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 13: past capacity (no database connection within the pool's timeout) a request gets the
 * localized "busy, try again in a moment" page, 503 with Retry-After: never a 500, and no stack trace
 * in the log. An instance with a pool of two connections, which the test holds.
 */
@PostgresAvailable
@ExtendWith(OutputCaptureExtension.class)
class BusyPageTests {

	static PortalCluster cluster;

	@BeforeAll
	static void start() {
		// Two connections: Flyway needs both at start (its lock and the migration).
		cluster = PortalCluster.start(1, "spring.datasource.hikari.maximum-pool-size=2",
				"spring.datasource.hikari.connection-timeout=500");
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void whenNoConnectionIsFreeThenTheLocalizedBusyPageAnswers503WithRetryAfter(CapturedOutput output) throws Exception {
		HttpTestClient http = cluster.instance(0).http();
		HttpResponse<String> start = http.get("/reset", null);
		String cookies = HttpTestClient.cookie(start, "SSPR_CSRF");
		String solution = dev.sspr.TestCaptcha.solve(http.get("/captcha/challenge", cookies).body());
		String form = "userId=someone%40contoso.example&altcha=" + HttpTestClient.enc(solution) + "&_csrf="
				+ HttpTestClient.enc(HttpTestClient.token(start));
		int logged = output.getAll().length();
		HttpResponse<String> busy;
		DataSource pool = cluster.instance(0).bean(DataSource.class);
		try (Connection one = pool.getConnection(); Connection two = pool.getConnection()) {
			busy = http.send(http.request("/reset").header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", cookies).header("Accept-Language", "de")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
		}
		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After")).contains("5");
		assertThat(busy.body()).contains("Gerade ist viel los").contains("Warten Sie einen Moment")
				.doesNotContain("Exception");
		String log = output.getAll().substring(logged);
		assertThat(log).contains("Busy: no database connection for POST /reset").doesNotContain("\tat ");
		// Once a connection is free again, the same page answers.
		assertThat(http.get("/reset", null).statusCode()).isEqualTo(200);
	}
}
