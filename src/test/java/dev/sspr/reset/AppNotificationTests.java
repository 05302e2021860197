package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.policy.MethodKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** a reset proven by approving, with number matching, on the user's signed-in security-info page. */
class AppNotificationTests extends ResetWebTestSupport {

	MockHttpSession signIn(String userId) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf()).param("userId", userId)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/security-info");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	String securityInfo(MockHttpSession session) throws Exception {
		return mvc.perform(get("/security-info").session(session).header("Accept-Language", "en")).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long approvalId() {
		return jdbc.sql("select max(id) from app_approval").query(Long.class).single();
	}

	MvcResult answer(MockHttpSession session, long id, int number, String decision) throws Exception {
		return mvc.perform(post("/security-info/approvals/" + id).session(session).with(csrf())
				.param("number", Integer.toString(number)).param("decision", decision)).andReturn();
	}

	MockJourney adeleAwaitingApproval() throws Exception {
		MockJourney reset = journey("en-US");
		reset.identify("adele@contoso.example");
		reset.chooseMethod("app-notification");
		return reset;
	}

	/** "Continue" on the reset page, and the page it leads to. */
	static MvcResult continueOn(MockJourney reset) throws Exception {
		return reset.follow(reset.postWithCsrf("/reset/verify/notification"));
	}

	@Test
	void whenApprovedWithTheMatchingNumberThenTheMethodIsProven() throws Exception {
		MockJourney reset = adeleAwaitingApproval();
		int number = reset.flow().challenge().approvalNumber();
		assertThat(number).isBetween(10, 99);
		assertThat(MockJourneyBody.of(reset.getPage("/reset/verify"))).contains("id=\"approval-number\">" + number + "<");

		MvcResult early = continueOn(reset);
		assertThat(MockJourneyBody.of(early)).contains("haven&#39;t had your approval yet");

		MockHttpSession phone = signIn("adele@contoso.example");
		assertThat(securityInfo(phone)).contains("Are you trying to reset your password?", "value=\"" + number + "\"");
		assertThat(answer(phone, approvalId(), number, "approve").getResponse().getRedirectedUrl())
				.isEqualTo("/security-info?answered");

		MvcResult done = mvc.perform(post("/reset/verify/notification").session(reset.session()).with(csrf())).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		assertThat(reset.flow().proven()).containsExactly(MethodKind.APP_NOTIFICATION);
		assertThat(reset.flow().remainingOptions()).extracting(ResetFlow.MethodOption::kind).containsExactly(MethodKind.EMAIL);
	}

	@Test
	void whenDeniedOrWrongNumberThenRefusedAndCounted() throws Exception {
		MockJourney reset = adeleAwaitingApproval();
		int number = reset.flow().challenge().approvalNumber();
		MockHttpSession phone = signIn("adele@contoso.example");
		long id = approvalId();
		answer(phone, id, number == 99 ? 98 : number + 1, "approve");

		MvcResult result = continueOn(reset);
		assertThat(MockJourneyBody.of(result)).contains("The request was denied");
		assertThat(reset.flow().proven()).isEmpty();
		assertThat(jdbc.sql("select count(*) from verification_failure").query(Long.class).single()).isEqualTo(1);
		assertThat(securityInfo(phone)).doesNotContain("/security-info/approvals/" + id + "\"");
	}

	@Test
	void whenAnotherUsersApprovalIsAnsweredThenNotFoundAndNothingChanges() throws Exception {
		MockJourney reset = adeleAwaitingApproval();
		long id = approvalId();
		MockHttpSession someoneElse = signIn("omar@contoso.example");

		assertThat(answer(someoneElse, id, reset.flow().challenge().approvalNumber(), "approve").getResponse().getStatus())
				.isEqualTo(404);
		assertThat(jdbc.sql("select status from app_approval where id = ?").param(id).query(String.class).single())
				.isEqualTo("PENDING");
	}

	@Test
	void whenExpiredThenRefusedAndANewRequestGetsANewNumber() throws Exception {
		MockJourney reset = adeleAwaitingApproval();
		jdbc.sql("update app_approval set expires_at = created_at").update();

		MvcResult result = continueOn(reset);
		assertThat(MockJourneyBody.of(result)).contains("The request expired");
		long before = approvalId();
		reset.resend();
		assertThat(approvalId()).isGreaterThan(before);
	}

	@Test
	void whenTheRequestIsShownThenNoNumberIsPreselectedAndApprovingWithoutOneAsksForIt() throws Exception {
		MockJourney reset = adeleAwaitingApproval();
		int number = reset.flow().challenge().approvalNumber();
		MockHttpSession phone = signIn("adele@contoso.example");
		long id = approvalId();
		assertThat(securityInfo(phone)).contains("value=\"" + number + "\"").doesNotContain("checked");

		for (String chosen : new String[] { null, "", "abc", "99999999999" }) {
			var post = post("/security-info/approvals/" + id).session(phone).with(csrf()).param("decision", "approve");
			MvcResult blind = mvc.perform(chosen == null ? post : post.param("number", chosen)).andReturn();
			assertThat(blind.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
			String page = mvc.perform(get("/security-info").session(phone).header("Accept-Language", "tr")).andReturn()
					.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).contains("id=\"approval-" + id + "-error\"",
					"Parola sıfırlama sayfasında gösterilen numarayı seçin");
		}
		assertThat(jdbc.sql("select count(*) from verification_failure").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select status from app_approval where id = ?").param(id).query(String.class).single())
				.isEqualTo("PENDING");
		assertThat(answer(phone, id, number, "approve").getResponse().getRedirectedUrl()).isEqualTo("/security-info?answered");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource({
			"en-US, password reset request, sign-in, Your number:",
			"tr-TR, Parola sıfırlama isteğini, Oturum açma, Numaranız:",
			"lv-LV, paroles atiestatīšanas pieprasījumu, Pierakstīšanās, Jūsu skaitlis:" })
	void whenTheResetPageShowsTheNumberThenItIsAResetRequestWithALabelledNumber(String language, String reset,
			String signIn, String label) throws Exception {
		MockJourney journey = journey(language);
		journey.identify("adele@contoso.example");
		journey.chooseMethod("app-notification");
		MvcResult page = journey.getPage("/reset/verify");

		String body = MockJourneyBody.of(page);
		String heading = body.substring(body.indexOf("<h1>") + 4, body.indexOf("</h1>"));
		assertThat(heading).contains(reset);
		assertThat(heading.toLowerCase(java.util.Locale.ROOT)).doesNotContain(signIn.toLowerCase(java.util.Locale.ROOT));
		assertThat(MockJourney.textOf(page, "approval-number-label")).isEqualTo(label);
		assertThat(MockJourney.textOf(page, "approval-number"))
				.isEqualTo(Integer.toString(journey.flow().challenge().approvalNumber()));
	}

	@Test
	void whenOneMethodIsRequiredThenNotificationIsNotOffered() throws Exception {
		MockJourney reset = journey("en-US");
		reset.identify("janis@fabrikam.example");

		assertThat(reset.flow().remainingOptions()).extracting(ResetFlow.MethodOption::kind)
				.containsExactly(MethodKind.APP_CODE);
		assertThat(MockJourneyBody.of(reset.follow(reset.chooseMethod("app-notification")))).contains("Choose one of the methods listed.");
	}

	/** Body of a MockMvc result as text. */
	static final class MockJourneyBody {

		static String of(MvcResult result) throws Exception {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
	}
}
