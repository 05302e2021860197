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
		cluster = PortalCluster.start(2);
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
}
