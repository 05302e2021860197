package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.sspr.DemoUsers;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.verification.SecurityQuestions;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Access to the console, every page in every language, and the policy editor's forms. */
class AdminConsoleTests extends AdminTestSupport {

	@Autowired
	SecurityQuestions questions;

	static final List<String> PAGES = List.of("/admin", "/admin/policy", "/admin/customization", "/admin/users",
			"/admin/activity", "/admin/users/%d", "/admin/users/%d/reregister");

	@Test
	void whenNobodyIsSignedInThenTheConsoleAsksForSignIn() throws Exception {
		mvc.perform(get("/admin/policy")).andExpect(status().isFound()).andExpect(redirectedUrl("/admin/sign-in"));
		mvc.perform(get("/admin/sign-in")).andExpect(status().isOk()).andExpect(view().name("admin/sign-in"));
	}

	@Test
	void whenAUserWhoIsNoAdministratorComesThenTheConsoleIsForbidden() throws Exception {
		mvc.perform(get("/admin").with(as("alex@contoso.example"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/policy").with(as("alex@contoso.example")).with(csrf()).param("scope", "NONE"))
				.andExpect(status().isForbidden());
	}

	@Test
	void whenAnAdministratorSignsInThenTheConsoleSessionIdlesOutSooner() throws Exception {
		// The session id's change at sign-in is checked on a real server (AdminBrowserTests).
		MvcResult signIn = mvc.perform(post("/admin/sign-in").with(csrf())
						.param("userId", CONTOSO_ADMIN).param("password", DemoUsers.CONTOSO_PASSWORD))
				.andExpect(redirectedUrl("/admin")).andReturn();
		MockHttpSession signedIn = (MockHttpSession) signIn.getRequest().getSession(false);
		mvc.perform(get("/admin").session(signedIn)).andExpect(status().isOk());
		assertThat(signedIn.getMaxInactiveInterval()).isEqualTo(9 * 60);
	}

	@Test
	void whenTheAdministratorRoleIsRevokedThenTheConsoleSessionEndsAtTheNextRequest() throws Exception {
		String userId = "megan@contoso.example";
		org.springframework.test.web.servlet.request.RequestPostProcessor megan = as(userId);
		mvc.perform(get("/admin").with(megan)).andExpect(status().isOk());
		jdbc.sql("delete from user_admin_role where user_id = ?").param(user(userId).id()).update();
		try {
			mvc.perform(get("/admin").with(megan)).andExpect(redirectedUrl("/admin/sign-in?ended"));
		}
		finally {
			jdbc.sql("insert into user_admin_role (user_id, role_name) values (?, 'Helpdesk Administrator')")
					.param(user(userId).id()).update();
		}
	}

	@Test
	void whenThePasswordIsWrongThenSignInFailsWithoutSayingWhy() throws Exception {
		mvc.perform(post("/admin/sign-in").with(csrf()).param("userId", CONTOSO_ADMIN).param("password", "wrong"))
				.andExpect(redirectedUrl("/admin/sign-in?error"));
	}

	@Test
	void whenAPostHasNoCsrfTokenThenItIsRefused() throws Exception {
		mvc.perform(post("/admin/policy").with(as(CONTOSO_ADMIN)).param("scope", "NONE")).andExpect(status().isForbidden());
		assertThat(policies.current(tenantId("contoso")).policy().scope().name()).isEqualTo("SELECTED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en-US", "tr-TR", "lv-LV" })
	void whenAnAdministratorOpensEveryPageThenEachIsCompleteInTheLanguage(String language) throws Exception {
		long alex = user("alex@contoso.example").id();
		for (String page : PAGES) {
			String html = mvc.perform(get(page.formatted(alex)).with(as(CONTOSO_ADMIN)).header("Accept-Language", language))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(html).as(page).doesNotContain("??").contains("lang=\"" + language.substring(0, 2));
		}
	}

	@Test
	void whenTheDirectorysTenantOpensThePolicyThenWritebackStatusAndSyncAreThereAndWork() throws Exception {
		String page = mvc.perform(get("/admin/policy").with(as(FABRIKAM_ADMIN))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Working: your on-premises directory is connected").contains("/admin/directory/sync");
		long syncs = auditCount("ADMIN_DIRECTORY_SYNCED");
		mvc.perform(post("/admin/directory/sync").with(as(FABRIKAM_ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/policy?synced#on-premises"));
		assertThat(auditCount("ADMIN_DIRECTORY_SYNCED")).isEqualTo(syncs + 1);
		assertThat(mvc.perform(get("/admin/policy").with(as(FABRIKAM_ADMIN))).andReturn().getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("0 created");

		// Contoso has no directory connected: no sync, and a neutral word that writeback is not used, not an error.
		String contoso = mvc.perform(get("/admin/policy").with(as(CONTOSO_ADMIN))).andReturn().getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(contoso).contains("Not used: no on-premises directory is connected")
				.doesNotContain("Not configured properly").doesNotContain("/admin/directory/sync");
		org.jsoup.nodes.Element status = org.jsoup.Jsoup.parse(contoso).selectFirst("#on-premises dl.writeback dd");
		assertThat(status.select(".status.no, .status.warn")).isEmpty();
		mvc.perform(post("/admin/directory/sync").with(as(CONTOSO_ADMIN)).with(csrf())).andExpect(status().isNotFound());
	}

	// ---- policy editor -----------------------------------------------------------------------

	/** The contoso policy as the form posts it, with some fields replaced ({@code name, value, ...}). */
	MockHttpServletRequestBuilder policyPost(String... overrides) {
		PolicyForm form = PolicyForm.of(policies.current(tenantId("contoso")));
		Map<String, List<String>> params = new LinkedHashMap<>();
		params.put("scope", List.of(form.scope()));
		params.put("scopeGroup", List.of(String.valueOf(form.scopeGroup())));
		params.put("methods", form.methods());
		params.put("methodsRequired", List.of(form.methodsRequired()));
		params.put("questionsToRegister", List.of(form.questionsToRegister()));
		params.put("questionsToReset", List.of(form.questionsToReset()));
		params.put("customQuestions", List.of(form.customQuestions()));
		params.put("reconfirmDays", List.of(form.reconfirmDays()));
		params.put("bannedTerms", List.of(form.bannedTerms()));
		params.put("returnToOrigins", List.of(form.returnToOrigins()));
		// Checkboxes as a browser sends them: Thymeleaf's "_name" marker always, the value when ticked.
		for (String flag : List.of("requireRegistration", "notifyUsers", "notifyAdmins", "writebackEnabled",
				"unlockWithoutReset", "showRefusalReason", "externalUsersReset")) {
			params.put("_" + flag, List.of("on"));
		}
		if (form.requireRegistration() != null) {
			params.put("requireRegistration", List.of("true"));
		}
		if (form.notifyUsers() != null) {
			params.put("notifyUsers", List.of("true"));
		}
		if (form.notifyAdmins() != null) {
			params.put("notifyAdmins", List.of("true"));
		}
		if (form.externalUsersReset() != null) {
			params.put("externalUsersReset", List.of("true"));
		}
		for (int i = 0; i < overrides.length; i += 2) {
			String value = overrides[i + 1];
			params.put(overrides[i], overrides[i].equals("methods")
					? (value.isEmpty() ? List.of() : List.of(value.split(","))) : List.of(value));
		}
		MockHttpServletRequestBuilder post = post("/admin/policy").with(as(CONTOSO_ADMIN)).with(csrf());
		params.forEach((name, values) -> {
			if (!values.isEmpty()) {
				post.param(name, values.toArray(String[]::new));
			}
		});
		return post;
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"methods||admin.policy.methods.tooFew",
			"methods|email|admin.policy.methods.tooFew",
			"methods|app-code,app-notification,email|admin.policy.methods.appNeedsOthers",
			"questionsToReset|5|admin.policy.questionsToReset.moreThanRegister",
			"questionsToRegister|9|admin.policy.questions.range",
			"methodsRequired|3|admin.policy.methodsRequired.invalid",
			"reconfirmDays|abc|admin.policy.reconfirmDays.range",
			"scope|SELECTED;scopeGroup| |admin.policy.scopeGroup.required" })
	void whenAnR61RuleIsBrokenThenTheFieldSaysSoAndNothingIsSaved(String rule) throws Exception {
		String[] parts = rule.split("\\|", -1);
		String expected = parts[parts.length - 1];
		String[] overrides = rule.substring(0, rule.lastIndexOf('|')).replace(";", "|").split("\\|", -1);
		PolicySettings before = policies.current(tenantId("contoso"));
		MvcResult result = mvc.perform(policyPost(overrides)).andExpect(status().isOk())
				.andExpect(view().name("admin/policy")).andReturn();
		String html = result.getResponse().getContentAsString();
		assertThat(result.getModelAndView().getModel().get("org.springframework.validation.BindingResult.policyForm"))
				.asString().contains(expected);
		assertThat(html).contains("field-error");
		assertThat(policies.current(tenantId("contoso"))).isEqualTo(before);
	}

	@Test
	void whenAChangeCostsNobodyTheirResetThenItIsSavedAndAuditedWithBeforeAndAfter() throws Exception {
		long audits = auditCount("ADMIN_POLICY_CHANGED");
		mvc.perform(policyPost("reconfirmDays", "90", "customQuestions", "What was the name of our first office?"))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		PolicySettings after = policies.current(tenantId("contoso"));
		assertThat(after.policy().reconfirmDays()).isEqualTo(90);
		assertThat(after.customQuestions()).containsExactly("What was the name of our first office?");
		assertThat(auditCount("ADMIN_POLICY_CHANGED")).isEqualTo(audits + 1);
		String details = jdbc.sql("select details from audit_record where event_type = 'ADMIN_POLICY_CHANGED' order by id desc fetch first 1 rows only")
				.query(String.class).single();
		assertThat(details).contains("reconfirmDays: 180 -> 90").contains("customQuestions: [] -> [What was the name");
		String actor = jdbc.sql("select actor from audit_record where event_type = 'ADMIN_POLICY_CHANGED' order by id desc fetch first 1 rows only")
				.query(String.class).single();
		assertThat(actor).isEqualTo(CONTOSO_ADMIN);
	}

	@Test
	void whenAChangeWouldStopUsersResettingThenTheyAreListedAndNothingIsSavedUntilConfirmed() throws Exception {
		PolicySettings before = policies.current(tenantId("contoso"));
		// Without email and the app, Lucy (email and mobile) is left with one method; Ayşe and Alex keep
		// their phone and security questions.
		MvcResult preview = mvc.perform(policyPost("methods", "mobile-sms,security-questions"))
				.andExpect(status().isOk()).andExpect(view().name("admin/impact")).andReturn();
		ImpactPreview.Impact impact = (ImpactPreview.Impact) preview.getModelAndView().getModel().get("impact");
		assertThat(impact.losing()).extracting(u -> u.userId()).contains("lucy@contoso.example")
				.doesNotContain("ayse@contoso.example", "alex@contoso.example");
		assertThat(preview.getResponse().getContentAsString()).contains("Lucy Gray")
				.contains("name=\"confirmedImpact\" value=\"" + impact.losing().size() + "\"");
		assertThat(policies.current(tenantId("contoso"))).isEqualTo(before);

		// A stale confirmation (a different number) shows the preview again instead of saving.
		mvc.perform(policyPost("methods", "mobile-sms,security-questions", "confirmedImpact", "999", "action", "confirm"))
				.andExpect(view().name("admin/impact"));
		assertThat(policies.current(tenantId("contoso"))).isEqualTo(before);

		MvcResult edit = mvc.perform(policyPost("methods", "mobile-sms,security-questions", "action", "edit"))
				.andExpect(view().name("admin/policy")).andReturn();
		assertThat(((PolicyForm) edit.getModelAndView().getModel().get("policyForm")).methods())
				.containsExactly("mobile-sms", "security-questions");
		assertThat(policies.current(tenantId("contoso"))).isEqualTo(before);

		mvc.perform(policyPost("methods", "mobile-sms,security-questions", "action", "confirm",
						"confirmedImpact", String.valueOf(impact.losing().size())))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		assertThat(policies.current(tenantId("contoso")).policy().enabledMethods())
				.containsExactlyInAnyOrder(MethodKind.MOBILE_SMS, MethodKind.SECURITY_QUESTIONS);
	}

	@Test
	void whenACustomQuestionIsRemovedThenThePreviewCountsItsAnswersAndSavingDeletesThem() throws Exception {
		mvc.perform(policyPost("customQuestions", "Where was our first office?")).andExpect(redirectedUrl("/admin/policy?saved"));
		long question = jdbc.sql("select id from custom_question where text = 'Where was our first office?'")
				.query(Long.class).single();
		// Email plus three answers (one of them to the custom question): two methods, so she can reset.
		String userId = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("q@mail.example").create();
		long pk = user(userId).id();
		questions.register(pk, List.of(new SecurityQuestions.NewAnswer("q01", null, "one answer"),
				new SecurityQuestions.NewAnswer("q02", null, "two answer"),
				new SecurityQuestions.NewAnswer(null, question, "three answer")));

		MvcResult preview = mvc.perform(policyPost("customQuestions", "")).andExpect(view().name("admin/impact")).andReturn();
		ImpactPreview.Impact impact = (ImpactPreview.Impact) preview.getModelAndView().getModel().get("impact");
		assertThat(impact.losing()).extracting(u -> u.userId()).containsExactly(userId);
		assertThat(questions.count(pk)).isEqualTo(3);

		mvc.perform(policyPost("customQuestions", "", "action", "confirm", "confirmedImpact", "1"))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		assertThat(questions.count(pk)).isEqualTo(2);
		assertThat(policies.current(tenantId("contoso")).customQuestions()).isEmpty();
	}

	@Test
	void whenTheFormIsTamperedWithThenNothingBreaksAndNothingIsSaved() throws Exception {
		PolicySettings before = policies.current(tenantId("contoso"));
		mvc.perform(policyPost("scope", "EVERYONE", "methodsRequired", "\u0000", "reconfirmDays", "9".repeat(50),
						"questionsToRegister", "x".repeat(10_000)))
				.andExpect(status().isOk()).andExpect(view().name("admin/policy"));
		mvc.perform(policyPost("tenantId", String.valueOf(tenantId("fabrikam")), "reconfirmDays", "7"))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		assertThat(policies.current(tenantId("fabrikam")).policy().reconfirmDays()).isZero();
		assertThat(policies.current(tenantId("contoso")).policy().reconfirmDays()).isEqualTo(7);
		policies.save(tenantId("contoso"), before);
	}
}
