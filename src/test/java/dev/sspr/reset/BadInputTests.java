package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Empty, 10 KB, undecodable and control-character input in every field after the first step: a
 * message beside the field (on the step's page, after the redirect), status 200, nothing counted
 * against the account, nothing changed.
 */
class BadInputTests extends ResetWebTestSupport {

	static final String TEN_KB = "9".repeat(10_240);

	static Stream<Arguments> badValues() {
		return Stream.of(
				Arguments.of("empty", ""),
				Arguments.of("10 KB", TEN_KB),
				Arguments.of("control character", "abc\u0007def12"),
				Arguments.of("undecodable bytes", "ab\uFFFD\uFFFDcd"),
				Arguments.of("lone surrogate", "ab\uD800cd"));
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	String passwordHash(String userId) {
		return jdbc.sql("select password_hash from directory_user where user_id = ?").param(userId).query(String.class).single();
	}

	long failures() {
		return jdbc.sql("select count(*) from verification_failure").query(Long.class).single();
	}

	@ParameterizedTest(name = "destination: {0}")
	@MethodSource("badValues")
	void whenDestinationIsBadThenMessageAndNothingSent(String name, String value) throws Exception {
		MockJourney journey = journey("lv-LV");
		journey.identify("alex@contoso.example");
		journey.chooseMethod("email");
		MvcResult result = journey.follow(journey.confirmDestination(value));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("id=\"destination-error\"").contains("lang=\"lv\"");
		assertThat(outbox.entries()).isEmpty();
	}

	@ParameterizedTest(name = "code: {0}")
	@MethodSource("badValues")
	void whenCodeIsBadThenMessageAndNoFailureCounted(String name, String value) throws Exception {
		MockJourney journey = journey("tr-TR");
		journey.identify("janis@fabrikam.example");
		journey.chooseMethod("app-code");
		MvcResult result = journey.follow(journey.enterCode(value));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("id=\"code-error\"");
		assertThat(failures()).isZero();
	}

	@ParameterizedTest(name = "answer: {0}")
	@MethodSource("badValues")
	void whenAnswerIsBadThenMessageAndNoFailureCounted(String name, String value) throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify("alex@contoso.example");
		journey.chooseMethod("security-questions");
		MvcResult result = journey.follow(journey.answer(List.of(value, "Seattle", "Rex")));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("id=\"answers-0-error\"");
		assertThat(failures()).isZero();
	}

	@ParameterizedTest(name = "password: {0}")
	@MethodSource("badValues")
	void whenPasswordIsBadThenMessageAndPasswordUnchanged(String name, String value) throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify("janis@fabrikam.example");
		journey.chooseMethod("app-code");
		journey.enterCode(MockJourney.appCode(clock.instant()));
		String before = passwordHash("janis@fabrikam.example");
		MvcResult result = journey.follow(journey.newPassword(value, value));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("id=\"newPassword-error\"");
		// Compared with the hash before, not the demo password, which other tests' resets change.
		assertThat(passwordHash("janis@fabrikam.example")).isEqualTo(before);
	}

	@ParameterizedTest(name = "method: {0}")
	@MethodSource("badValues")
	void whenMethodIsBadThenMessage(String name, String value) throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify("alex@contoso.example");
		MvcResult result = journey.follow(journey.chooseMethod(value));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("id=\"method-error\"");
	}
}
