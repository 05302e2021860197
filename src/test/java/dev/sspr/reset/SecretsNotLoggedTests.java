package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.DemoUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * S-24: a full journey with the loggers turned up to their most talkative, and not one code, answer
 * or password in the log, nor in the audit records.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTests extends ResetWebTestSupport {

	static final List<String> CHATTY = List.of("dev.sspr", "org.springframework.web", "org.springframework.security",
			"org.springframework.jdbc", "org.hibernate.SQL", "org.hibernate.orm.jdbc.bind", "org.apache.catalina");

	final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void talkative() {
		CHATTY.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
	}

	@AfterEach
	void quiet() {
		CHATTY.forEach(name -> logging.setLogLevel(name, null));
	}

	@Test
	void whenFullJourneyRunsThenNoSecretIsLoggedOrAudited(CapturedOutput output) throws Exception {
		String newPassword = "Quartz-Lantern-Fjord-83";
		List<String> secrets = new ArrayList<>();

		String ayse = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("ayse.yilmaz@posta.example")
				.answersLike("ayse@contoso.example").create();
		MockJourney journey = journey("tr-TR");
		journey.identify(ayse);
		journey.chooseMethod("email");
		journey.confirmDestination("ayse.yilmaz@posta.example");
		String wrongCode = "00000001";
		journey.enterCode(wrongCode);
		String code = journey.lastCode();
		secrets.add(code);
		journey.enterCode(code);
		journey.chooseMethod("security-questions");
		journey.answer(List.of("yanlış cevap bir", "yanlış cevap iki", "yanlış cevap üç"));
		List<String> answers = journey.rightAnswers("ayse@contoso.example");
		secrets.addAll(answers);
		assertThat(journey.answer(answers).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		journey.newPassword("weak", "weak");
		secrets.add(newPassword);
		assertThat(journey.newPassword(newPassword, newPassword).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");

		// The app path too: a TOTP code and the demo secret.
		MockJourney app = journey("lv-LV");
		app.identify("janis@fabrikam.example");
		app.chooseMethod("app-code");
		String totp = MockJourney.appCode(clock.instant());
		secrets.add(totp);
		secrets.add(DemoUsers.AUTHENTICATOR_SECRET);
		app.enterCode(totp);

		String log = output.getAll();
		assertThat(log).as("the loggers did run").contains("/reset/verify");
		for (String secret : secrets) {
			assertThat(log).as("log must not contain a secret").doesNotContain(secret);
			assertThat(log.toLowerCase(Locale.ROOT)).doesNotContain(secret.toLowerCase(Locale.ROOT));
		}
		String audit = String.join("\n", jdbc.sql("select * from audit_record").query((rs, n) -> {
			StringBuilder row = new StringBuilder();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				row.append(rs.getString(i)).append('|');
			}
			return row.toString();
		}).list());
		assertThat(audit).contains("PASSWORD_RESET");
		for (String secret : secrets) {
			assertThat(audit).doesNotContain(secret);
		}
		assertThat(outbox.entries()).allSatisfy(e -> assertThat(e.message().body()).doesNotContain(newPassword));
	}
}
