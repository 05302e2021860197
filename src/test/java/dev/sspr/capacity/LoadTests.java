package dev.sspr.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.HttpJourney;
import dev.sspr.PortalCluster;
import dev.sspr.PostgresAvailable;
import dev.sspr.TestUsers;
import dev.sspr.delivery.Outbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13: 200 people at once on one instance with the default pool and thread settings, on
 * PostgreSQL. More requests than request threads wait in Tomcat's queue, not for a database
 * connection, so none of them is answered with a 5xx. Only the per-address limits are raised: every
 * request here comes from 127.0.0.1.
 */
@PostgresAvailable
class LoadTests {

	static final int PEOPLE = 200;
	static PortalCluster cluster;

	@BeforeAll
	static void start() {
		cluster = PortalCluster.start(1, "sspr.throttle.lookup-per-address=100000/PT1M",
				"sspr.throttle.send-per-address=100000/PT1H", "sspr.throttle.try-per-address=100000/PT1H");
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void whenTwoHundredPeopleResetAtOnceThenNoAnswerIsAServerError() throws Exception {
		PortalCluster.Instance portal = cluster.instance(0);
		JdbcClient jdbc = portal.bean(JdbcClient.class);
		List<String> users = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			users.add(TestUsers.in(jdbc).contoso().withEmail("load" + i + "@mail.example")
					.answersLike("ayse@contoso.example").create());
		}
		List<HttpJourney> journeys = allAtOnce(i -> {
			HttpJourney journey = new HttpJourney(portal.http());
			journey.identify(users.get(i));
			journey.chooseMethod("email");
			journey.confirmDestination("load" + i + "@mail.example");
			journey.get("/reset/verify");
			return journey;
		});
		assertThat(journeys.get(0).statuses()).as("the first journey's answers").containsExactly(200, 200, 302, 302, 302, 200);
		assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isEqualTo(PEOPLE);
		// What did not fit the dispatchers' queue is the poller's; tests run without one.
		Outbox outbox = portal.bean(Outbox.class);
		assertThat(outbox.awaitDispatched(Duration.ofMinutes(2))).isTrue();
		while (outbox.dispatchDue() > 0) {
			// until every due message has been tried
		}
		assertThat(cluster.mail().waitForIncomingEmail(120_000, PEOPLE)).as("every code was delivered").isTrue();
		List<HttpJourney> coded = allAtOnce(i -> {
			HttpJourney journey = journeys.get(i);
			journey.enterCode(cluster.lastCodeTo("load" + i + "@mail.example"));
			return journey;
		});
		List<Integer> statuses = coded.stream().flatMap(journey -> journey.statuses().stream()).toList();
		assertThat(statuses).hasSizeGreaterThanOrEqualTo(PEOPLE * 7).allMatch(status -> status < 500);
		assertThat(coded).allMatch(journey -> journey.statuses().get(journey.statuses().size() - 1) == 302);
	}

	private interface Step {
		HttpJourney run(int person) throws Exception;
	}

	/** Runs the step for all the people at the same moment; their journeys in the people's order. */
	private static List<HttpJourney> allAtOnce(Step step) throws Exception {
		ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
		try {
			CountDownLatch ready = new CountDownLatch(PEOPLE);
			List<Future<HttpJourney>> done = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				int person = i;
				Callable<HttpJourney> task = () -> {
					ready.countDown();
					ready.await();
					return step.run(person);
				};
				done.add(people.submit(task));
			}
			List<HttpJourney> journeys = new ArrayList<>();
			for (Future<HttpJourney> future : done) {
				journeys.add(future.get());
			}
			return journeys;
		}
		finally {
			people.shutdownNow();
		}
	}
}
