package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness itself: two instances on one schema answer, and one can be stopped without the other. */
@PostgresAvailable
class PortalClusterTests {

	static PortalCluster cluster;

	@BeforeAll
	static void start() {
		// The outbox's poll on, as in production, and retries soon: the scheduled job is what this class runs.
		cluster = PortalCluster.start(2, "sspr.delivery.poll-interval=200ms", "sspr.delivery.first-retry=100ms");
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void whenTwoInstancesRunThenEachAnswersOnItsOwnPortFromOneSchema() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);

		assertThat(a.port()).isNotEqualTo(b.port());
		assertThat(a.http().get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(b.http().get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(a.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("select current_schema()")
				.query(String.class).single()).isEqualTo(cluster.schema());
		assertThat(b.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("select current_schema()")
				.query(String.class).single()).isEqualTo(cluster.schema());
	}

	@Test
	void whenOneInstanceKeepsADevMessageThenTheOtherShowsItOnItsOutboxPage() throws Exception {
		String destination = "cluster-" + java.util.UUID.randomUUID() + "@outbox.example";
		cluster.instance(0).bean(dev.sspr.delivery.DevOutbox.class).deliver(1, new dev.sspr.delivery.OutgoingMessage(
				dev.sspr.delivery.Channel.EMAIL, destination, "Subject", "Your code is 24681357"));

		assertThat(cluster.instance(1).bean(dev.sspr.delivery.DevOutbox.class).entries())
				.anySatisfy(entry -> assertThat(entry.message().destination()).isEqualTo(destination));
		assertThat(cluster.instance(1).http().get("/dev/outbox", null).body()).contains("24681357");
	}

	@Test
	void whenAMessageFailedItsFirstTryThenTheScheduledPollDeliversItOnceTheServerIsBack() throws Exception {
		String destination = "poll-" + java.util.UUID.randomUUID() + "@outbox.example";
		cluster.mail().stop();
		try {
			cluster.instance(0).bean(dev.sspr.delivery.Outbox.class).send(new dev.sspr.delivery.OutgoingMessage(
					dev.sspr.delivery.Channel.EMAIL, destination, "Subject", "Your code is 97531864"));
			assertThat(cluster.instance(0).bean(dev.sspr.delivery.Outbox.class)
					.awaitDispatched(java.time.Duration.ofSeconds(30))).isTrue();
		}
		finally {
			cluster.mail().start();
		}

		// Nobody calls dispatchDue: the poll on Spring's scheduler finds the retry due and sends it.
		assertThat(cluster.mail().waitForIncomingEmail(30_000, 1)).isTrue();
		assertThat(cluster.mail().getReceivedMessagesForDomain(destination)).hasSize(1);
	}
}
