package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import dev.sspr.verification.Totp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** Issue 3's promise: whatever a user registers on the security-info page proves a reset. */
class RegisteredMethodsResetTests extends ResetWebTestSupport {

	static final Pattern SECRET = Pattern.compile("id=\"app-secret\">([A-Z2-7 ]+)<");

	@Test
	void whenEveryMethodRegisteredThenEachOneProvesAReset() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = (MockHttpSession) mvc.perform(post("/sign-in").with(csrf()).param("userId", user)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn().getRequest().getSession(false);

		register(session, "email", "every.method@home.example");
		register(session, "phone", "+371 2000 0001");
		mvc.perform(post("/security-info/questions").session(session).with(csrf())
				.param("questions[0]", "q04").param("answers[0]", "Daugavpils")
				.param("questions[1]", "q12").param("answers[1]", "Pelēkie zirņi")
				.param("questions[2]", "q29").param("answers[2]", "Runcis")).andReturn();
		mvc.perform(post("/security-info/app/start").session(session).with(csrf())).andReturn();
		String page = mvc.perform(get("/security-info/app").session(session)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		Matcher m = SECRET.matcher(page);
		assertThat(m.find()).isTrue();
		byte[] secret = new Base32().decode(m.group(1).replace(" ", ""));
		long step = Totp.stepOf(clock.instant());
		mvc.perform(post("/security-info/app").session(session).with(csrf()).param("code", Totp.codeAt(secret, step)))
				.andReturn();

		// Reset 1: email code + text message code.
		MockJourney first = journey("lv-LV");
		first.identify(user);
		first.chooseMethod("email");
		first.confirmDestination("every.method@home.example");
		first.enterCode(first.lastCode());
		first.chooseMethod("mobile-sms");
		first.confirmDestination("+37120000001");
		first.enterCode(first.lastCode());
		assertThat(first.flow().proven()).containsExactly(dev.sspr.policy.MethodKind.EMAIL, dev.sspr.policy.MethodKind.MOBILE_SMS);
		assertThat(first.newPassword("Gauja-Valley-Autumn-19", "Gauja-Valley-Autumn-19").getResponse().getRedirectedUrl())
				.isEqualTo("/reset/done");

		// Reset 2: security questions + the app's next code (the registration used this step's code).
		MockJourney second = journey("lv-LV");
		second.identify(user);
		second.chooseMethod("security-questions");
		List<String> answers = second.flow().challenge().questions().stream()
				.map(q -> switch (q.predefinedKey()) {
					case "q04" -> "daugavpils";
					case "q12" -> " PELĒKIE  ZIRŅI ";
					default -> "runcis";
				}).toList();
		second.answer(answers);
		second.chooseMethod("app-code");
		MvcResult app = second.enterCode(Totp.codeAt(secret, step + 1));
		assertThat(app.getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		assertThat(second.newPassword("Kurzeme-Coast-Winter-27", "Kurzeme-Coast-Winter-27").getResponse()
				.getRedirectedUrl()).isEqualTo("/reset/done");
	}

	private void register(MockHttpSession session, String kind, String destination) throws Exception {
		mvc.perform(post("/security-info/" + kind).session(session).with(csrf()).param("destination", destination)).andReturn();
		Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(outbox.entries().get(0).message().body());
		assertThat(code.find()).isTrue();
		MvcResult verified = mvc.perform(post("/security-info/" + kind + "/verify").session(session).with(csrf())
				.param("code", code.group(1))).andReturn();
		assertThat(verified.getResponse().getRedirectedUrl()).isEqualTo("/security-info?saved");
	}
}
