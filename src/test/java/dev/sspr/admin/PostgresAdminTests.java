package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.sspr.PostgresAvailable;
import dev.sspr.audit.ActivityReports;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The console's own SQL on PostgreSQL (production's database): paging, date filters and escaped
 * searches, the day-by-day counts, the logo as bytes, the policy save. Mandatory in CI.
 */
@PostgresAvailable
@ActiveProfiles(value = { "dev", "postgres", "test" }, inheritProfiles = false)
class PostgresAdminTests extends AdminTestSupport {

	static final String SCHEMA = PostgresAvailable.Schema.shared();

	String page(String path, String... params) throws Exception {
		var request = get(path).with(as(CONTOSO_ADMIN));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void whenTheConsoleRunsOnPostgresThenEveryPageAndQueryWorks() throws Exception {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		assertThat(page("/admin")).contains("chart-svg").contains("bar-failed");
		assertThat(page("/admin/users", "q", "ayş")).contains("ayse@contoso.example");
		assertThat(page("/admin/users", "q", "a_e")).doesNotContain("ayse@contoso.example");
		assertThat(page("/admin/users/" + user("alex@contoso.example").id())).contains("a*****@p*****.example");

		MvcResult filtered = mvc.perform(get("/admin/activity").with(as(CONTOSO_ADMIN)).param("from", "2020-01-01")
				.param("to", "2099-12-31").param("outcome", "FAILURE").param("type", "REFUSED").param("user", "omar")
				.param("page", "0")).andExpect(status().isOk()).andReturn();
		ActivityReports.ActivityPage activity = (ActivityReports.ActivityPage) filtered.getModelAndView().getModel()
				.get("activity");
		assertThat(activity.total()).isPositive();
		assertThat(activity.entries()).allSatisfy(e -> {
			assertThat(e.subject()).isEqualTo("omar@contoso.example");
			assertThat(e.displayName()).isEqualTo("Omar Haddad");
		});
		assertThat(page("/admin/activity", "page", "1")).contains("table");
		assertThat(page("/admin/activity.csv")).startsWith("\uFEFF").contains("omar@contoso.example");
	}

	@Autowired
	PlatformTransactionManager transactions;

	/** A user's page asks for their newest events by exact user ID: one index finds them already in order. */
	@Test
	void whenOneUsersActivityIsReadThenAnIndexServesTheMatchAndTheOrder() {
		String plan = new TransactionTemplate(transactions).execute(status -> {
			// The demo log is small enough for a sequential scan or an index plus a sort, whichever the
			// statistics of the moment favour; the question is whether an index can do it all, match and order.
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql("set local enable_sort = off").update();
			return String.join("\n", jdbc.sql("""
					explain select a.id from audit_record a where a.tenant_id = ? and a.subject = ?
					order by a.occurred_at desc, a.id desc fetch first 10 rows only""")
					.params(tenantId("contoso"), "alex@contoso.example").query(String.class).list());
		});
		assertThat(plan).contains("audit_record_tenant_subject_time").doesNotContain("Sort");
	}

	@Test
	void whenPolicyAndBrandingAreSavedOnPostgresThenTheyReadBack() throws Exception {
		MvcResult preview = mvc.perform(post("/admin/policy").with(as(FABRIKAM_ADMIN)).with(csrf()).param("scope", "ALL")
						.param("methods", "app-code", "email", "mobile-sms").param("methodsRequired", "2")
						.param("questionsToRegister", "3").param("questionsToReset", "3").param("reconfirmDays", "0")
						.param("customQuestions", "Kāds bija mūsu pirmā biroja nosaukums?")
						.param("bannedTerms", "fabrikam\nrīga"))
				.andExpect(view().name("admin/impact")).andReturn();
		ImpactPreview.Impact impact = (ImpactPreview.Impact) preview.getModelAndView().getModel().get("impact");
		assertThat(impact.losing()).extracting(u -> u.userId()).contains("marta@fabrikam.example");
		mvc.perform(post("/admin/policy").with(as(FABRIKAM_ADMIN)).with(csrf()).param("scope", "ALL")
						.param("methods", "app-code", "email", "mobile-sms").param("methodsRequired", "2")
						.param("questionsToRegister", "3").param("questionsToReset", "3").param("reconfirmDays", "0")
						.param("customQuestions", "Kāds bija mūsu pirmā biroja nosaukums?")
						.param("bannedTerms", "fabrikam\nrīga").param("action", "confirm")
						.param("confirmedImpact", String.valueOf(impact.losing().size())))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		var saved = policies.current(tenantId("fabrikam"));
		assertThat(saved.policy().methodsRequired()).isEqualTo(2);
		assertThat(saved.customQuestions()).containsExactly("Kāds bija mūsu pirmā biroja nosaukums?");
		assertThat(saved.bannedTerms()).containsExactlyInAnyOrder("fabrikam", "rīga");

		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"2\"/></svg>"
				.getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/admin/customization/logo").file(new MockMultipartFile("logo", "l.svg", "image/svg+xml", svg))
				.with(as(FABRIKAM_ADMIN)).with(csrf())).andExpect(redirectedUrl("/admin/customization?logoSaved"));
		MvcResult logo = mvc.perform(get("/branding/fabrikam/logo")).andExpect(status().isOk()).andReturn();
		assertThat(logo.getResponse().getContentType()).isEqualTo("image/svg+xml");
		assertThat(logo.getResponse().getContentAsByteArray()).isEqualTo(svg);
	}
}
