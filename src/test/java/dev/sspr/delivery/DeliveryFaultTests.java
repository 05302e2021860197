package dev.sspr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.zaxxer.hikari.HikariDataSource;
import dev.sspr.DeliveryTest;
import dev.sspr.HungSmtpServer;
import dev.sspr.TestClock;
import dev.sspr.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox when the mail server misbehaves: a hung server ties up a dispatcher but no request and
 * no database connection; a try repeated carries the same Message-ID; a new code replaces the one
 * the outage held back, which never arrives after it.
 */
@DeliveryTest
class DeliveryFaultTests {

	static final TestSmtp SMTP = TestSmtp.SHARED;
	static final GreenMail smtp = SMTP.server;

	@Autowired
	Outbox outbox;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<Transport> transports;

	@Autowired
	org.springframework.mail.javamail.JavaMailSender mailSender;

	@Autowired
	DeliveryProperties properties;

	@BeforeEach
	void clean() throws Exception {
		SMTP.reset();
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		// A message an earlier test of this context left queued (a retry due later) is not this test's: these
		// tests count what arrives after the clock moves hours on, which would deliver it too.
		jdbc.sql("delete from outbound_message where status = 'PENDING'").update();
	}

	@Test
	void whenTheMailServerHangsThenSendReturnsAndNoConnectionIsHeldWhileTheDispatcherWaits() throws Exception {
		try (HungSmtpServer hung = HungSmtpServer.replacing(SMTP)) {
			outbox.send(new OutgoingMessage(Channel.EMAIL, "waiting@mail.example", "held", "body"));
			assertThat(hung.awaitConnections(1, 30)).as("a dispatcher is talking to the hung server").isTrue();
			// The dispatcher is inside transport.deliver: every statement it ran has given its connection back.
			assertThat(((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections()).isZero();
			assertThat(jdbc.sql("select count(*) from outbound_message where masked_to like 'w%' and status = 'PENDING' "
					+ "and claimed_until is not null").query(Long.class).single()).isOne();
		}
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		smtp.start();
		clock.advance(Duration.ofHours(2));
		outbox.dispatchDue();
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("held");
	}

	@Test
	void whenAMessageIsTriedAgainThenItCarriesTheSameMessageId() throws Exception {
		OutgoingMessage message = new OutgoingMessage(Channel.EMAIL, "twice@mail.example", "same", "body");
		Transport mail = transports.stream().filter(t -> t.handles(Channel.EMAIL) && !t.fallback()).findFirst().orElseThrow();
		// Two tries of message 4711, as when the first one timed out after the server had taken it.
		mail.deliver(4711, message);
		mail.deliver(4711, message);
		mail.deliver(4712, message);
		assertThat(smtp.waitForIncomingEmail(5_000, 3)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID())
				.matches("<outbox-4711\\.[0-9a-f]{20}@sspr\\.invalid>");
		assertThat(received[2].getMessageID()).startsWith("<outbox-4712.").isNotEqualTo(received[0].getMessageID());
		assertThat(GreenMailUtil.getWholeMessage(received[0])).contains("X-SSPR-Message: 4711");
	}

	@Test
	void whenANewCodeIsQueuedDuringAnOutageThenOnlyTheNewestArrivesAfterRecovery() throws Exception {
		String flow = UUID.randomUUID().toString();
		smtp.stop();
		outbox.send(code("11111111").replacing(flow));
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		outbox.send(code("22222222").replacing(flow));
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		assertThat(statuses(flow)).containsExactly("SUPERSEDED", "PENDING");
		assertThat(outbox.gaveUp(flow)).as("a replaced message is no failure").isFalse();
		smtp.start();
		clock.advance(Duration.ofHours(2));
		outbox.dispatchDue();
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()).extracting(GreenMailUtil::getBody).singleElement().asString()
				.contains("22222222");
		assertThat(statuses(flow)).containsExactly("SUPERSEDED", "SENT");
	}

	@Test
	void whenTheReplacedCodeIsInFlightThenItsSuccessorWaitsAndTheReplacedOneIsNeverTriedAgain() throws Exception {
		String flow = UUID.randomUUID().toString();
		try (HungSmtpServer hung = HungSmtpServer.replacing(SMTP)) {
			outbox.send(code("33333333").replacing(flow));
			assertThat(hung.awaitConnections(1, 30)).isTrue();
			outbox.send(code("44444444").replacing(flow));
			// The first is held by the hung server; the second is not tried before it is done.
			assertThat(jdbc.sql("select attempts from outbound_message where correlation = ? order by id").param(flow)
					.query(Integer.class).list()).containsExactly(0, 0);
			assertThat(hung.awaitConnections(2, 0)).as("no second connection while the first is in flight").isFalse();
		}
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		smtp.start();
		clock.advance(Duration.ofHours(2));
		outbox.dispatchDue();
		outbox.dispatchDue();
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()).extracting(GreenMailUtil::getBody).singleElement().asString()
				.contains("44444444");
		assertThat(statuses(flow)).containsExactly("SUPERSEDED", "SENT");
	}

	@Test
	void whenMessagesDoNotReplaceEachOtherThenEveryOneOfTheFlowIsDelivered() throws Exception {
		String flow = UUID.randomUUID().toString();
		outbox.send(code("55555555").withCorrelation(flow));
		outbox.send(code("66666666").withCorrelation(flow));
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		assertThat(statuses(flow)).containsExactly("SENT", "SENT");
	}

	@Test
	void whenASlowServerIsStillAnsweringThenItsClaimHoldsLongerThanTheTransportsWait() {
		java.util.Properties mail = ((org.springframework.mail.javamail.JavaMailSenderImpl) mailSender).getJavaMailProperties();
		Duration smtp = Duration.ofMillis(Long.parseLong(mail.getProperty("mail.smtp.connectiontimeout"))
				+ Long.parseLong(mail.getProperty("mail.smtp.writetimeout"))
				+ Long.parseLong(mail.getProperty("mail.smtp.timeout")));
		// Issue 13: a 5 s timeout sent every message of a slower server twice.
		assertThat(Long.parseLong(mail.getProperty("mail.smtp.timeout"))).isGreaterThanOrEqualTo(30_000);
		assertThat(smtp).isLessThan(Outbox.CLAIM);
		assertThat(properties.provider().connectTimeout().plus(properties.provider().requestTimeout()))
				.isLessThan(Outbox.CLAIM);
	}

	private static OutgoingMessage code(String code) {
		return new OutgoingMessage(Channel.EMAIL, "code@mail.example", "Your code", code + " is your code");
	}

	private List<String> statuses(String flow) {
		return jdbc.sql("select status from outbound_message where correlation = ? order by id").param(flow)
				.query(String.class).list();
	}
}
