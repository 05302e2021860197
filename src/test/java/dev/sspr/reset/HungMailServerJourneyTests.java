package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import dev.sspr.DeliveryTest;
import dev.sspr.HungSmtpServer;
import dev.sspr.TestSmtp;
import dev.sspr.delivery.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 13: a mail server that accepts connections and never answers, while 20 people ask for a
 * code at once. Every page answers, the instance stays healthy and ready (a load balancer keeps
 * it), and once the server is back each code arrives, once.
 */
@DeliveryTest
class HungMailServerJourneyTests extends ResetWebTestSupport {

	static final TestSmtp SMTP = TestSmtp.SHARED;
	static final GreenMail smtp = SMTP.server;
	static final int PEOPLE = 20;

	@Autowired
	Outbox delivery;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		SMTP.reset();
	}

	@Test
	void whenTheMailServerNeverAnswersThenTwentyCodeRequestsAllAnswerHealthStaysUpAndTheCodesArriveLater()
			throws Exception {
		List<String> users = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			users.add(dev.sspr.TestUsers.in(jdbc).contoso().withEmail("hung" + i + "@mail.example")
					.answersLike("ayse@contoso.example").create());
		}
		ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
		try (HungSmtpServer hung = HungSmtpServer.replacing(SMTP)) {
			CountDownLatch ready = new CountDownLatch(PEOPLE);
			List<Future<List<Integer>>> answers = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				String user = users.get(i);
				String address = "hung" + i + "@mail.example";
				MockJourney journey = journey("en-US");
				answers.add(people.submit(() -> {
					ready.countDown();
					ready.await();
					List<Integer> statuses = new ArrayList<>();
					for (MvcResult step : List.of(journey.identify(user), journey.chooseMethod("email"),
							journey.confirmDestination(address), journey.getPage("/reset/verify"))) {
						statuses.add(step.getResponse().getStatus());
					}
					return statuses;
				}));
			}
			for (Future<List<Integer>> answer : answers) {
				// Far longer than a page takes; a page waiting for the mail server would wait a minute.
				assertThat(answer.get(50, TimeUnit.SECONDS)).allMatch(status -> status < 500);
			}
			assertThat(hung.awaitConnections(1, 30)).as("the dispatchers are stuck on the server").isTrue();
			for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
				MvcResult health = mvc.perform(get(probe)).andReturn();
				assertThat(health.getResponse().getStatus()).as(probe).isEqualTo(200);
				assertThat(health.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"UP\"");
			}
		}
		finally {
			people.shutdownNow();
		}
		assertThat(delivery.awaitDispatched(Duration.ofSeconds(60))).isTrue();
		smtp.start();
		clock.advance(Duration.ofHours(2));
		delivery.dispatchDue();
		assertThat(smtp.waitForIncomingEmail(10_000, PEOPLE)).isTrue();
		List<String> recipients = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			recipients.add(mail.getAllRecipients()[0].toString());
		}
		assertThat(recipients).hasSize(PEOPLE).doesNotHaveDuplicates().allMatch(to -> to.startsWith("hung"));
	}
}
