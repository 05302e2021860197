package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.throttle.Throttle;
import dev.sspr.verification.Totp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** S-24 for the signed-in side: passwords, answers, codes and TOTP secrets never reach the log. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class RegistrationSecretsNotLoggedTests {

	static final List<String> CHATTY = List.of("dev.sspr", "org.springframework.web", "org.springframework.security",
			"org.springframework.jdbc", "org.hibernate.SQL", "org.hibernate.orm.jdbc.bind");
	static final Pattern SECRET = Pattern.compile("id=\"app-secret\">([A-Z2-7 ]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	dev.sspr.TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DevOutbox outbox;

	@Autowired
	Throttle throttle;

	final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void talkative() {
		throttle.clearAll();
		CHATTY.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
	}

	@AfterEach
	void quiet() {
		CHATTY.forEach(name -> logging.setLogLevel(name, null));
	}

	@Test
	void whenEverythingIsRegisteredThenNoSecretIsLogged(CapturedOutput output) throws Exception {
		List<String> secrets = new ArrayList<>(List.of(DemoUsers.CONTOSO_PASSWORD, "Sapphire-Orchard-Nine", "Valmiera",
				"Jelgava", "Ventspils"));
		String user = TestUsers.in(jdbc).contoso().create();
		MvcResult signedIn = mvc.perform(post("/sign-in").with(csrf()).param("userId", user)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

		mvc.perform(post("/security-info/questions").session(session).with(csrf())
				.param("questions[0]", "q01").param("answers[0]", "Valmiera")
				.param("questions[1]", "q02").param("answers[1]", "Jelgava")
				.param("questions[2]", "q03").param("answers[2]", "Ventspils")).andReturn();

		outbox.clear();
		mvc.perform(post("/security-info/email").session(session).with(csrf()).param("destination", "log.test@home.example"))
				.andReturn();
		Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(outbox.entries().get(0).message().body());
		assertThat(code.find()).isTrue();
		secrets.add(code.group(1));
		mvc.perform(post("/security-info/email/verify").session(session).with(csrf()).param("code", code.group(1))).andReturn();

		mvc.perform(post("/security-info/app/start").session(session).with(csrf())).andReturn();
		String page = mvc.perform(get("/security-info/app").session(session)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).isTrue();
		String base32 = secret.group(1).replace(" ", "");
		secrets.add(base32);
		String totp = Totp.codeAt(new Base32().decode(base32), Totp.stepOf(clock.instant()));
		secrets.add(totp);
		mvc.perform(post("/security-info/app").session(session).with(csrf()).param("code", totp)).andReturn();

		MvcResult changed = mvc.perform(post("/security-info/password").session(session).with(csrf())
				.param("currentPassword", DemoUsers.CONTOSO_PASSWORD).param("newPassword", "Sapphire-Orchard-Nine")
				.param("confirmPassword", "Sapphire-Orchard-Nine")).andReturn();
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passwordChanged");

		String log = output.getAll();
		assertThat(log).as("the loggers did run").contains("/security-info");
		for (String value : secrets) {
			assertThat(log.toLowerCase(Locale.ROOT)).as("log must not contain a secret").doesNotContain(value.toLowerCase(Locale.ROOT));
		}
	}
}
