package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.captcha.CaptchaVerifier;
import dev.sspr.delivery.Channel;
import dev.sspr.delivery.OutgoingMessage;
import dev.sspr.delivery.Outbox;
import dev.sspr.retention.RetentionJob;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Limits hold, and periodic jobs run once, across two instances on one database. */
@PostgresAvailable
class SharedLimitsClusterTests {

	/** reset.identify.captcha.failed in English. */
	static final String CAPTCHA_FAILED = "Complete the check to confirm you are a person.";

	static PortalCluster cluster;

	@BeforeAll
	static void start() {
		// Both instances synchronize at start-up and purge on a schedule, as in production.
		cluster = PortalCluster.start(2, "sspr.ldap.sync-interval=PT1H", "sspr.retention.interval=PT1H");
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void whenLookupsOfOneUserAlternateBetweenInstancesThenTheLimitHoldsAcrossBoth() throws Exception {
		String userId = "nobody-" + UUID.randomUUID() + "@contoso.example";
		for (int i = 0; i < 10; i++) {
			assertThat(identify(cluster.instance(i % 2), userId).statusCode()).as("lookup %d", i + 1).isNotEqualTo(429);
		}

		assertThat(identify(cluster.instance(0), userId).statusCode()).isEqualTo(429);
		assertThat(identify(cluster.instance(1), userId).statusCode()).isEqualTo(429);
	}

	@Test
	void whenASolvedChallengeIsPostedOnOneInstanceThenTheOtherRefusesIt() throws Exception {
		String solution = TestCaptcha.solve(cluster.instance(0).http().get("/captcha/challenge", null).body());
		String userId = "replay-" + UUID.randomUUID() + "@contoso.example";

		assertThat(identify(cluster.instance(0), userId, solution).body()).doesNotContain(CAPTCHA_FAILED);
		HttpResponse<String> replayed = identify(cluster.instance(1), userId, solution);

		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.body()).contains(CAPTCHA_FAILED);
	}

	@Test
	void whenOneKeyIsTakenOnBothInstancesThenTheSumStopsAtTheLimit() {
		String key = "shared-" + UUID.randomUUID();
		int allowed = 0;
		for (int i = 0; i < 30; i++) {
			allowed += cluster.instance(i % 2).bean(Throttle.class).tryAcquire(Limit.SEND_PER_ACCOUNT, key) ? 1 : 0;
		}
		assertThat(allowed).as("sspr.throttle.send-per-account: 5 an hour").isEqualTo(5);
	}

	@Test
	void whenOneCaptchaSolutionIsUsedOnBothInstancesThenOnlyTheFirstUseCounts() throws Exception {
		String solution = TestCaptcha.solve(cluster.instance(0).http().get("/captcha/challenge", null).body());

		assertThat(cluster.instance(0).bean(CaptchaVerifier.class).verify(solution)).isTrue();
		assertThat(cluster.instance(0).bean(CaptchaVerifier.class).verify(solution)).isFalse();
		assertThat(cluster.instance(1).bean(CaptchaVerifier.class).verify(solution)).isFalse();
	}

	@Test
	void whenBothInstancesDispatchTheSameQueueAtOnceThenEachMessageArrivesOnce() throws Exception {
		String marker = UUID.randomUUID().toString();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			addresses.add("once-" + i + "-" + marker.substring(0, 8) + "@cluster.example");
		}
		queueUndelivered(addresses, marker);
		// The claims of an instance that "died" run out; now both instances find every message due.
		cluster.clock().advance(Duration.ofMinutes(5));

		AtOnce.run(4, i -> () -> cluster.instance(i % 2).bean(Outbox.class).dispatchDue());

		assertThat(cluster.instance(1).bean(JdbcClient.class)
				.sql("select count(*) from outbound_message where correlation = ? and status = 'SENT'").param(marker)
				.query(Long.class).single()).isEqualTo(addresses.size());
		for (String address : addresses) {
			MimeMessage[] received = cluster.mail().getReceivedMessagesForDomain(address);
			assertThat(received).as(address).hasSize(1);
		}
	}

	@Test
	void whenBothInstancesStartedThenTheDirectoryWasSynchronizedOnce() {
		JdbcClient jdbc = cluster.instance(0).bean(JdbcClient.class);

		assertThat(jdbc.sql("select count(*) from directory_sync_run").query(Long.class).single())
				.as("the second instance found this interval's run done").isEqualTo(1);
		assertThat(cluster.instance(1).bean(dev.sspr.directory.DirectorySync.class).runOncePerCluster()).isEmpty();
	}

	@Test
	void whenBothInstancesTriggerRetentionAtOnceThenOneRunsIt() throws Exception {
		List<Optional<Map<String, Integer>>> runs = AtOnce.run(2,
				i -> () -> cluster.instance(i).bean(RetentionJob.class).runOncePerCluster());

		assertThat(runs).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(cluster.instance(0).bean(RetentionJob.class).runOncePerCluster()).as("within the interval").isEmpty();
	}

	private static HttpResponse<String> identify(PortalCluster.Instance instance, String userId) throws Exception {
		return identify(instance, userId, TestCaptcha.solve(instance.http().get("/captcha/challenge", null).body()));
	}

	private static HttpResponse<String> identify(PortalCluster.Instance instance, String userId, String solution)
			throws Exception {
		HttpTestClient http = instance.http();
		HttpResponse<String> start = http.get("/reset", null);
		return http.post("/reset", HttpTestClient.cookie(start, "SSPR_CSRF"), "userId=" + HttpTestClient.enc(userId)
				+ "&_csrf=" + HttpTestClient.enc(HttpTestClient.token(start)) + "&altcha=" + HttpTestClient.enc(solution));
	}

	/** Queues one email per address, claimed as if by an instance that stopped before delivering. */
	private static void queueUndelivered(List<String> addresses, String marker) {
		PortalCluster.Instance a = cluster.instance(0);
		a.bean(TransactionTemplate.class).executeWithoutResult(status -> {
			for (String address : addresses) {
				a.bean(Outbox.class).send(new OutgoingMessage(Channel.EMAIL, address, "Once", "Sent once " + marker,
						null, null, marker, null, null));
			}
			a.bean(JdbcClient.class).sql("update outbound_message set claimed_until = ? where correlation = ?")
					.params(cluster.clock().instant().plus(Duration.ofMinutes(2)).atOffset(ZoneOffset.UTC), marker).update();
		});
		assertThat(a.bean(JdbcClient.class).sql("select count(*) from outbound_message where correlation = ? and status = 'PENDING'")
				.param(marker).query(Long.class).single()).isEqualTo(addresses.size());
	}
}
