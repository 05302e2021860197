package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sspr.TestUsers;
import dev.sspr.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** A user's own activity on their page, and every line of the log in words, not codes. */
class AdminActivityTests extends AdminTestSupport {

	private void audit(String subject, String eventType, String outcome, String reason, String methods) {
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, methods)
				values (current_timestamp, ?, ?, ?, ?, ?, ?)""")
				.params(tenantId("contoso"), subject, eventType, outcome, reason, methods).update();
	}

	private MvcResult userPage(String userId, String language) throws Exception {
		return mvc.perform(get("/admin/users/" + user(userId).id()).with(as(CONTOSO_ADMIN))
				.header("Accept-Language", language)).andExpect(status().isOk()).andReturn();
	}

	@SuppressWarnings("unchecked")
	private static List<AuditEntry> activityOf(MvcResult page) {
		return (List<AuditEntry>) page.getModelAndView().getModel().get("activity");
	}

	private static String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void whenOneUserIdIsPartOfAnotherThenEachUsersPageShowsOnlyTheirOwnEvents() throws Exception {
		String an = TestUsers.in(jdbc).contoso().create();
		String dan = TestUsers.in(jdbc).contoso().withUserId("d" + an).create();
		assertThat(dan).contains(an);
		audit(an, "PASSWORD_RESET", "SUCCESS", null, "EMAIL");
		audit(dan, "REFUSED", "FAILURE", "NOT_LICENSED", "");
		audit(dan, "METHOD_REGISTERED", "SUCCESS", null, "EMAIL");

		assertThat(activityOf(userPage(an, "en"))).extracting(AuditEntry::subject).containsExactly(an);
		assertThat(activityOf(userPage(dan, "en"))).extracting(AuditEntry::subject).containsExactly(dan, dan);
	}

	@Test
	void whenAnAdministratorsUnlockFailsThenTheActivitySaysWhyInWords() throws Exception {
		// On premises but unknown to the directory: the directory refuses the unlock.
		String userId = TestUsers.in(jdbc).contoso().create();
		jdbc.sql("update directory_user set locked = true, password_source = 'PASSWORD_HASH_SYNC' where user_id = ?")
				.param(userId).update();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
						.post("/admin/users/" + user(userId).id() + "/unlock").with(as(CONTOSO_ADMIN))
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.redirectedUrl("/admin/users/" + user(userId).id() + "?unlockFailed"));
		String page = html(userPage(userId, "en"));
		assertThat(page).contains("Directory: setup problem").doesNotContain("reset.password.error");
	}

	@Test
	void whenTheLogHoldsRegistrationAndSignInCodesThenEveryPageShowsThemInTheLanguage() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().create();
		audit(userId, "REGISTRATION_REFUSED", "FAILURE", "registration.questions.error.sameAnswer", "SECURITY_QUESTIONS");
		audit(userId, "REGISTRATION_REFUSED", "FAILURE", "CURRENT_PASSWORD_WRONG", "PASSWORD");
		audit(userId, "METHOD_REMOVED", "SUCCESS", null, "PHONE");
		audit(userId, "THROTTLED", "FAILURE", "LOOKUP", "");
		List<String> codes = List.of("registration.questions.error.sameAnswer", "CURRENT_PASSWORD_WRONG", ">PASSWORD<",
				">PHONE<", ">LOOKUP<", "SECURITY_QUESTIONS");

		String en = html(userPage(userId, "en"));
		assertThat(en).contains("The same answer twice", "Current password wrong", "Password", "Phone",
				"Too many look-ups");
		assertThat(en).doesNotContain(codes);
		String lv = html(userPage(userId, "lv"));
		assertThat(lv).doesNotContain(codes);
		String activity = html(mvc.perform(get("/admin/activity").with(as(CONTOSO_ADMIN)).param("user", userId)
				.header("Accept-Language", "tr")).andReturn());
		assertThat(activity).contains("Güvenlik soruları").doesNotContain(codes);

		String csv = html(mvc.perform(get("/admin/activity.csv").with(as(CONTOSO_ADMIN)).param("user", userId)
				.header("Accept-Language", "en")).andReturn());
		assertThat(csv).contains("\"Registration refused\"", "\"Current password wrong\"", "\"Failed\"")
				.doesNotContain("CURRENT_PASSWORD_WRONG", "REGISTRATION_REFUSED", "sameAnswer", "\"PHONE\"");
	}
}
