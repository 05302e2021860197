package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.sspr.DeliveryTest;
import dev.sspr.TestSmtp;
import dev.sspr.delivery.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole reset journey with real mail (GreenMail as the SMTP server): the code arrives by email,
 * the reset completes, and the "your password was changed" notice reaches both addresses. With the
 * mail server gone, the code is queued, and once delivery gives up the page says so.
 */
@DeliveryTest
class MailJourneyTests extends ResetWebTestSupport {

	static final TestSmtp SMTP = TestSmtp.SHARED;
	static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
	static final GreenMail smtp = SMTP.server;


	@Autowired
	Outbox outbox;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		SMTP.reset();
	}

	static String codeIn(MimeMessage mail) {
		Matcher m = CODE.matcher(GreenMailUtil.getBody(mail));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void whenAUserResetsWithAnEmailedCodeThenTheCodeAndTheNoticeArriveByRealMail() throws Exception {
		String ayse = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("ayse.yilmaz@posta.example")
				.answersLike("ayse@contoso.example").create();
		MockJourney journey = journey("tr-TR");
		journey.identify(ayse);
		journey.chooseMethod("email");
		journey.confirmDestination("ayse.yilmaz@posta.example");
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage codeMail = smtp.getReceivedMessages()[0];
		assertThat(codeMail.getAllRecipients()[0].toString()).isEqualTo("ayse.yilmaz@posta.example");
		assertThat(journey.enterCode(codeIn(codeMail)).getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		journey.chooseMethod("security-questions");
		journey.answer(journey.rightAnswers("ayse@contoso.example"));
		assertThat(journey.newPassword("Kapadokya-Balon-2026", "Kapadokya-Balon-2026").getResponse().getRedirectedUrl())
				.isEqualTo("/reset/done");
		assertThat(smtp.waitForIncomingEmail(5_000, 3)).isTrue();
		assertThat(Arrays.stream(smtp.getReceivedMessages()).skip(1).map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).containsExactlyInAnyOrder(ayse, "ayse.yilmaz@posta.example");
		assertThat(GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[1])).doesNotContain("Kapadokya");
	}

	@Test
	void whenTheMailServerIsGoneAndDeliveryGivesUpThenTheVerifyPageSaysSo() throws Exception {
		smtp.stop();
		MockJourney journey = journey("en-US");
		journey.identify("lucy@contoso.example");
		journey.chooseMethod("email");
		journey.confirmDestination("lucy.gray@mail.example");
		String before = journey.getPage("/reset/verify").getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(before).doesNotContain("couldn't send");
		// Give up at once: the message has used up its tries (once its first try, after the request, is over).
		assertThat(outbox.awaitDispatched(java.time.Duration.ofSeconds(30))).isTrue();
		jdbc.sql("update outbound_message set attempts = 99, next_attempt_at = current_timestamp where status = 'PENDING'")
				.update();
		outbox.dispatchDue();
		assertThat(outbox.statusOf(journey.flow().id())).contains(Outbox.Status.FAILED);
		String after = journey.getPage("/reset/verify").getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(after).contains("We couldn&#39;t send you the code");
	}
}
