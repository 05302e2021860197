package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.sspr.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.SerializationUtils;

/**
 * Post/redirect/get for wrong entries: every step answers an error with a redirect to its
 * own page, where the message is shown once, so that reload and the back button never post again.
 * The message travels in the session's flash map without anything typed. A GET of an address that
 * only takes posts opens the step that is due, never a 405.
 */
class PostRedirectGetTests extends ResetWebTestSupport {

	static final String TYPED = "Typed-Secret-7319";

	/** The flash map as a shared session store would hold it: it must serialize, and hold nothing typed. */
	static void nothingTypedIn(MvcResult result, String... typed) {
		byte[] stored = SerializationUtils.serialize(new java.util.HashMap<>(result.getFlashMap()));
		String text = new String(stored, StandardCharsets.ISO_8859_1);
		for (String value : typed) {
			assertThat(text).doesNotContain(value);
		}
	}

	/** A wrong entry: a redirect to the step's page, which shows the message once. */
	static MvcResult redirectedWithMessage(MockJourney journey, MvcResult posted, String page, String messageId)
			throws Exception {
		assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo(page);
		MvcResult shown = journey.follow(posted);
		assertThat(shown.getResponse().getStatus()).isEqualTo(200);
		assertThat(MockJourney.textOf(shown, messageId)).isNotBlank();
		assertThat(ResetControllerTests.body(journey.getPage(page))).as("shown once").doesNotContain("id=\"" + messageId + "\"");
		return shown;
	}

	MockJourney proving(String userId, String method) throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify(userId);
		journey.chooseMethod(method);
		return journey;
	}

	MockJourney atCode(String userId, String email) throws Exception {
		MockJourney journey = proving(userId, "email");
		journey.confirmDestination(email);
		return journey;
	}

	@Test
	void whenAMethodIsNotOfferedThenRedirectedToTheMethodPageWithTheMessage() throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify("adele@contoso.example");
		redirectedWithMessage(journey, journey.chooseMethod("security-questions"), "/reset/method", "method-error");
	}

	@Test
	void whenTheDestinationIsMistypedOrEmptyThenRedirectedAndTheTypedAddressIsNotKept() throws Exception {
		MockJourney journey = proving("alex@contoso.example", "email");
		MvcResult posted = journey.confirmDestination("typed.secret@elsewhere.example");
		nothingTypedIn(posted, "typed.secret");
		MvcResult shown = redirectedWithMessage(journey, posted, "/reset/verify", "destination-error");
		assertThat(ResetControllerTests.body(shown)).doesNotContain("typed.secret");

		redirectedWithMessage(journey, journey.confirmDestination(""), "/reset/verify", "destination-error");
	}

	@Test
	void whenACodeIsWrongOrMalformedThenRedirectedAndTheCodeIsNotKept() throws Exception {
		String userId = TestUsers.in(jdbc).fabrikam().withEmail("prg.code@pasts.example").create();
		MockJourney journey = atCode(userId, "prg.code@pasts.example");
		String wrong = journey.lastCode().equals("73197319") ? "19731973" : "73197319";
		MvcResult posted = journey.enterCode(wrong);
		nothingTypedIn(posted, wrong);
		redirectedWithMessage(journey, posted, "/reset/verify", "code-error");

		MvcResult malformed = journey.enterCode("12-ab");
		nothingTypedIn(malformed, "12-ab");
		assertThat(MockJourney.textOf(journey.follow(malformed), "code-error")).contains("digits only");
	}

	@Test
	void whenAnswersAreWrongOrMissingThenRedirectedAndNoAnswerIsKept() throws Exception {
		MockJourney journey = proving("alex@contoso.example", "security-questions");
		MvcResult wrong = journey.answer(List.of(TYPED, TYPED + "b", TYPED + "c"));
		nothingTypedIn(wrong, TYPED);
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
		assertThat(ResetControllerTests.body(journey.follow(wrong))).contains("One or more answers aren&#39;t right");

		MvcResult missing = journey.answer(List.of("", TYPED, TYPED));
		nothingTypedIn(missing, TYPED);
		redirectedWithMessage(journey, missing, "/reset/verify", "answers-0-error");
	}

	@Test
	void whenFewerAnswersArePostedThanAskedThenEachMissingOneIsToldNotAServerError() throws Exception {
		MockJourney journey = proving("alex@contoso.example", "security-questions");
		for (List<String> posted : List.of(List.<String>of(), List.of(TYPED))) {
			MvcResult missing = journey.answer(posted);
			nothingTypedIn(missing, TYPED);
			redirectedWithMessage(journey, missing, "/reset/verify", "answers-2-error");
		}
	}

	@Test
	void whenTheApprovalIsNotThereYetThenRedirectedWithTheMessage() throws Exception {
		MockJourney journey = proving("adele@contoso.example", "app-notification");
		redirectedWithMessage(journey, journey.postWithCsrf("/reset/verify/notification"), "/reset/verify", "approval-error");
	}

	MockJourney atPassword(String email) throws Exception {
		String userId = TestUsers.in(jdbc).fabrikam().withEmail(email).create();
		MockJourney journey = atCode(userId, email);
		assertThat(journey.enterCode(journey.lastCode()).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		return journey;
	}

	@Test
	void whenTheNewPasswordBreaksRulesThenRedirectedAndThePasswordIsNotKept() throws Exception {
		MockJourney journey = atPassword("prg.password@pasts.example");

		MvcResult weak = journey.newPassword("fabrikam-typed", "fabrikam-typed");
		nothingTypedIn(weak, "fabrikam-typed");
		redirectedWithMessage(journey, weak, "/reset/password", "newPassword-error");

		MvcResult mismatch = journey.newPassword(TYPED, TYPED + "x");
		nothingTypedIn(mismatch, TYPED);
		redirectedWithMessage(journey, mismatch, "/reset/password", "confirmPassword-error");
	}

	@Test
	void whenTheMessagePageIsSkippedThenTheNextPostIsStillReadAsTyped() throws Exception {
		MockJourney journey = atPassword("prg.skipped@pasts.example");
		journey.newPassword("weak", "weak");

		// The flash map waits for the password page; a post there must not take the empty form from it.
		assertThat(journey.newPassword("Quartz-Lantern-Fjord-84", "Quartz-Lantern-Fjord-84").getResponse()
				.getRedirectedUrl()).isEqualTo("/reset/done");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/reset/verify/destination", "/reset/verify/code", "/reset/verify/answers",
			"/reset/verify/notification", "/reset/verify/resend", "/reset/verify/cancel" })
	void whenAPostOnlyAddressIsOpenedThenTheDueStepAndNo405(String path) throws Exception {
		MockJourney journey = proving("alex@contoso.example", "email");

		MvcResult opened = journey.getPage(path);
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
		assertThat(journey.follow(opened).getResponse().getStatus()).isEqualTo(200);
		assertThat(journey.flow().challenge()).as("a GET changes nothing").isNotNull();

		MvcResult withoutFlow = mvc.perform(get(path)).andReturn();
		assertThat(withoutFlow.getResponse().getRedirectedUrl()).isEqualTo("/reset");
		assertThat(withoutFlow.getRequest().getSession(false)).as("no anonymous state").isNull();
	}
}
