package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.PolicySettings;
import dev.sspr.verification.SecurityQuestions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An administrator of one tenant can neither see nor change anything of another (R-01, S-65):
 * Fabrikam's administrator tries Contoso's users by id, reads every list, and exports activity.
 */
class CrossTenantTests extends AdminTestSupport {

	@Autowired
	SecurityQuestions questions;

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(FABRIKAM_ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/users/%d", "/admin/users/%d/reregister" })
	void whenAnotherTenantsUserIsReadByIdThenItIsNotFoundAndAudited(String path) throws Exception {
		long foreign = auditCount("ADMIN_FOREIGN_ID");
		UserAccount alex = user("alex@contoso.example");
		String body = mvc.perform(get(path.formatted(alex.id())).with(as(FABRIKAM_ADMIN)))
				.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("Alex", "alex@");
		assertThat(auditCount("ADMIN_FOREIGN_ID")).isEqualTo(foreign + 1);
		assertThat(jdbc.sql("select tenant_id from audit_record where event_type = 'ADMIN_FOREIGN_ID' order by id desc fetch first 1 rows only")
				.query(Long.class).single()).isEqualTo(tenantId("fabrikam"));
	}

	@Test
	void whenAnotherTenantsUserIsChangedByIdThenNothingChangesAndEachTryIsAudited() throws Exception {
		UserAccount lucy = user(dev.sspr.TestUsers.in(jdbc).contoso().locked().create());
		UserAccount alex = user("alex@contoso.example");
		int alexAnswers = questions.count(alex.id());
		long foreign = auditCount("ADMIN_FOREIGN_ID");

		mvc.perform(post("/admin/users/" + alex.id() + "/office-phone").with(as(FABRIKAM_ADMIN)).with(csrf())
				.param("officePhone", "+371 2000 0000")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/users/" + lucy.id() + "/unlock").with(as(FABRIKAM_ADMIN)).with(csrf()))
				.andExpect(status().isNotFound());
		mvc.perform(post("/admin/users/" + alex.id() + "/reregister").with(as(FABRIKAM_ADMIN)).with(csrf()))
				.andExpect(status().isNotFound());

		assertThat(user("alex@contoso.example")).isEqualTo(alex);
		assertThat(user(lucy.userId()).locked()).isTrue();
		assertThat(questions.count(alex.id())).isEqualTo(alexAnswers);
		assertThat(auditCount("ADMIN_FOREIGN_ID")).isEqualTo(foreign + 3);
	}

	@Test
	void whenTheIdIsNotANumberOrDoesNotExistThenTheAnswerIsTheSameNotFound() throws Exception {
		for (String id : List.of("abc", "999999", "-1", "1e3", "9".repeat(40))) {
			mvc.perform(get("/admin/users/" + id).with(as(FABRIKAM_ADMIN))).andExpect(status().isNotFound());
		}
	}

	@Test
	void whenListsAreReadThenOnlyTheAdministratorsOwnTenantAppears() throws Exception {
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome)
				values (current_timestamp, ?, 'alex@contoso.example', 'PASSWORD_RESET', 'SUCCESS')""")
				.param(tenantId("contoso")).update();
		// "@contoso.example": a Fabrikam guest's own name may contain "_contoso.example#ext#" (R-03).
		assertThat(page(get("/admin/users"))).contains("janis@fabrikam.example").doesNotContain("@contoso.example");
		assertThat(page(get("/admin/users").param("q", "alex"))).doesNotContain("alex@");
		assertThat(page(get("/admin/activity"))).doesNotContain("@contoso.example");
		// The filter field shows what was typed; the result must be empty.
		assertThat(((dev.sspr.audit.ActivityReports.ActivityPage) mvc.perform(get("/admin/activity")
				.param("user", "alex@contoso.example").with(as(FABRIKAM_ADMIN))).andReturn().getModelAndView().getModel()
				.get("activity")).total()).isZero();
		assertThat(page(get("/admin/activity.csv"))).doesNotContain("@contoso.example");
		assertThat(page(get("/admin/policy"))).doesNotContain("SSPR Users").doesNotContain("apps.contoso.example");
		assertThat(page(get("/admin/customization"))).doesNotContain("helpdesk.contoso.example");
		String dashboard = page(get("/admin"));
		long fabrikamUsers = jdbc.sql("select count(*) from directory_user where tenant_id = ?")
				.param(tenantId("fabrikam")).query(Long.class).single();
		assertThat(dashboard).contains("<span class=\"tile-number\">" + fabrikamUsers + "</span>");
	}

	@Test
	void whenAPolicyOrCustomizationIsSavedThenOnlyTheAdministratorsOwnTenantChanges() throws Exception {
		PolicySettings contoso = policies.current(tenantId("contoso"));
		var contosoBranding = branding.tenant(tenantId("contoso")).orElseThrow();
		PolicyForm form = PolicyForm.of(policies.current(tenantId("fabrikam")));
		mvc.perform(post("/admin/policy").with(as(FABRIKAM_ADMIN)).with(csrf())
						.param("tenantId", String.valueOf(tenantId("contoso"))).param("tenant", "contoso")
						.param("scope", "NONE").param("methods", form.methods().toArray(String[]::new))
						.param("methodsRequired", "1").param("questionsToRegister", "3").param("questionsToReset", "3")
						.param("reconfirmDays", "0").param("action", "confirm").param("confirmedImpact", "99"))
				.andExpect(status().isOk());
		mvc.perform(post("/admin/customization").with(as(FABRIKAM_ADMIN)).with(csrf())
						.param("tenantId", String.valueOf(tenantId("contoso"))).param("helpdeskEmail", "x@fabrikam.example")
						.param("helpdeskUrl", "").param("brandColor", ""))
				.andExpect(status().isFound());
		assertThat(policies.current(tenantId("contoso"))).isEqualTo(contoso);
		assertThat(branding.tenant(tenantId("contoso")).orElseThrow()).isEqualTo(contosoBranding);
		assertThat(branding.tenant(tenantId("fabrikam")).orElseThrow().helpdeskEmail()).isEqualTo("x@fabrikam.example");
	}
}
