package dev.sspr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.sspr.DeliveryTest;
import dev.sspr.TestSmtp;
import dev.sspr.directory.TenantBranding;
import dev.sspr.secrets.Keys;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Email over real SMTP (GreenMail on a loopback port): every kind of mail arrives, parses and reads
 * in each language; a mail server that is down and then back gets each queued message exactly once,
 * even with two dispatchers (as after a restart); a message given up is said to be; and neither a
 * body nor a code reaches the log.
 */
@DeliveryTest
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTests {

	static final TestSmtp SMTP = TestSmtp.SHARED;
	static final GreenMail smtp = SMTP.server;


	@Autowired
	Outbox outbox;

	@Autowired
	dev.sspr.TestClock clock;

	@Autowired
	Keys keys;

	@Autowired
	MessageComposer composer;

	@Autowired
	List<Transport> transports;

	@Autowired
	DeliveryProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dispatchers dispatchers;

	@Autowired
	org.springframework.scheduling.TaskScheduler scheduler;

	long contoso;

	@BeforeEach
	void clean() throws Exception {
		SMTP.reset();
		contoso = jdbc.sql("select id from tenant where name = 'contoso'").query(Long.class).single();
	}

	static String text(MimeMessage message) throws Exception {
		return GreenMailUtil.getBody(message);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "tr", "lv" })
	void whenEachKindOfMailIsSentThenItArrivesInTheLanguageWithTextHtmlAndHelpdesk(String language) throws Exception {
		Locale locale = Locale.forLanguageTag(language);
		outbox.send(composer.verificationCode(Channel.EMAIL, "alex@mail.example", "12345678", contoso, "Contoso",
				Duration.ofMinutes(10), locale));
		outbox.send(composer.passwordChanged("alex@mail.example", contoso, "Contoso", "alex@contoso.example", locale));
		outbox.send(composer.adminPasswordReset("megan@mail.example", contoso, "Contoso", "Adele Vance",
				"adele@contoso.example", locale));
		outbox.send(composer.contactChanged("alex@mail.example", contoso, "Contoso", locale));
		assertThat(smtp.waitForIncomingEmail(5_000, 4)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(4);
		for (MimeMessage message : received) {
			assertThat(message.getFrom()[0].toString()).contains("no-reply@sspr.invalid");
			assertThat(message.getContent()).isInstanceOf(Multipart.class);
			String raw = GreenMailUtil.getWholeMessage(message);
			assertThat(raw).contains("text/plain").contains("text/html").contains("X-SSPR-Message");
			assertThat(message.getSubject()).isNotBlank();
		}
		// Subjects and bodies come from the language's own bundle.
		assertThat(received).extracting(MimeMessage::getSubject)
				.contains(message(language, "message.passwordChanged.subject", "Contoso"));
		for (MimeMessage message : received) {
			String whole = GreenMailUtil.getWholeMessage(message);
			boolean codeMail = message.getSubject().equals(message(language, "message.code.email.subject", "Contoso"));
			assertThat(whole.contains("12345678")).as("only the code mail carries the code").isEqualTo(codeMail);
			if (!codeMail) {
				assertThat(whole).contains("helpdesk.contoso.example");
			}
		}
	}

	static String message(String language, String key, Object... arguments) throws IOException {
		java.util.Properties bundle = new java.util.Properties();
		String name = language.equals("en") ? "/messages.properties" : "/messages_" + language + ".properties";
		try (var in = MailDeliveryTests.class.getResourceAsStream(name)) {
			bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return new java.text.MessageFormat(bundle.getProperty(key), Locale.forLanguageTag(language)).format(arguments);
	}

	@Autowired
	TenantBranding branding;

	@Autowired
	dev.sspr.policy.PolicyUpdates policies;

	@Test
	void whenTheTenantHasALogoThenItTravelsInsideTheMailAsAnInlineImage() throws Exception {
		BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		dev.sspr.DemoTenants demoTenants = dev.sspr.DemoTenants.remember(jdbc, policies, branding);
		branding.setLogo(contoso, png.toByteArray(), "image/png");
		try {
			outbox.send(composer.passwordChanged("alex@mail.example", contoso, "Contoso", "alex@contoso.example", Locale.ENGLISH));
			assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
			String raw = GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]);
			assertThat(raw).contains("cid:logo").contains("Content-ID: <logo>").contains("image/png");
		}
		finally {
			demoTenants.restore();
		}
	}

	@Test
	void whenTheMailServerIsDownAndComesBackThenEveryMessageArrivesExactlyOnce() throws Exception {
		smtp.stop();
		for (int i = 0; i < 3; i++) {
			outbox.send(new OutgoingMessage(Channel.EMAIL, "user" + i + "@mail.example", "subject " + i, "body " + i));
		}
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		assertThat(jdbc.sql("select count(*) from outbound_message where status = 'PENDING' and attempts = 1 and masked_to like 'u%'")
				.query(Long.class).single()).isGreaterThanOrEqualTo(3);
		smtp.start();
		makeDue();
		// Two dispatchers at once, as when a restarted instance and a running one overlap.
		Outbox second = new Outbox(jdbc, transports, properties, clock, keys, dispatchers, scheduler);
		CompletableFuture<Integer> other = CompletableFuture.supplyAsync(second::dispatchDue);
		outbox.dispatchDue();
		other.join();
		makeDue();
		outbox.dispatchDue();
		second.dispatchDue();
		assertThat(smtp.waitForIncomingEmail(5_000, 3)).isTrue();
		// Both dispatchers have returned and no poller runs in tests: whatever was sent has arrived.
		assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
				.containsExactlyInAnyOrder("subject 0", "subject 1", "subject 2");
		assertThat(jdbc.sql("select count(*) from outbound_message where sealed is not null and status <> 'PENDING'")
				.query(Long.class).single()).as("content erased once sent").isZero();
	}

	@Test
	void whenDeliveryKeepsFailingThenTheMessageIsGivenUpAndErased() throws Exception {
		smtp.stop();
		outbox.send(new OutgoingMessage(Channel.EMAIL, "lost@mail.example", "subject", "body")
				.withCorrelation("flow-given-up"));
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		for (int i = 1; i < properties.maxAttempts(); i++) {
			makeDue();
			outbox.dispatchDue();
		}
		assertThat(outbox.statusOf("flow-given-up")).contains(Outbox.Status.FAILED);
		assertThat(jdbc.sql("select count(*) from outbound_message where correlation = 'flow-given-up' and sealed is null")
				.query(Long.class).single()).isOne();
	}

	@Test
	void whenMailIsSentThenTheLogHasMetadataButNoBodyOrCode(CapturedOutput output) throws Exception {
		outbox.send(composer.verificationCode(Channel.EMAIL, "secretive@mail.example", "87654321", contoso, "Contoso",
				Duration.ofMinutes(10), Locale.ENGLISH));
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		// The dispatcher logs "sent" once the server has the mail and the row says so.
		assertThat(outbox.awaitDispatched(Duration.ofSeconds(30))).isTrue();
		// The mail server's own log (GreenMail's) names its mailboxes; the portal's never names a recipient.
		String ours = output.getAll().lines().filter(line -> !line.contains("c.icegreen"))
				.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(ours).contains("queued: EMAIL to s*****@m*****.example").contains("sent (attempt 1)")
				.doesNotContain("87654321").doesNotContain("secretive@mail.example");
		assertThat(jdbc.sql("select count(*) from outbound_message where masked_to like '%secretive%'")
				.query(Long.class).single()).isZero();
	}

	/** Retries wait (minutes, growing); the clock moves past the longest wait instead. */
	void makeDue() {
		clock.advance(Duration.ofHours(2));
	}
}
