package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.sspr.TestUsers;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import dev.sspr.verification.AuthenticatorApps;
import dev.sspr.verification.SecurityQuestions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** Customization, users and activity: each form, its bad input, and its audit line. */
class AdminFormsTests extends AdminTestSupport {

	@Autowired
	SecurityQuestions questions;

	@Autowired
	AuthenticatorApps apps;

	String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	// ---- customization -------------------------------------------------------------------------

	@Test
	void whenCustomizationIsValidThenItIsSavedAuditedAndShownToTheTenantsUsers() throws Exception {
		mvc.perform(post("/admin/customization").with(as(CONTOSO_ADMIN)).with(csrf())
						.param("helpdeskUrl", "https://help.contoso.example/sspr").param("helpdeskEmail", "it@contoso.example")
						.param("brandColor", "#FFD700").param("mailFrom", "it@contoso.example"))
				.andExpect(redirectedUrl("/admin/customization?saved"));
		assertThat(branding.mailFrom(tenantId("contoso"))).contains("it@contoso.example");
		assertThat(branding.of(tenantId("contoso"))).get()
				.satisfies(letterhead -> assertThat(letterhead.mailFrom()).isEqualTo("it@contoso.example"));
		TenantInfo tenant = branding.tenant(tenantId("contoso")).orElseThrow();
		assertThat(tenant.helpdeskUrl()).isEqualTo("https://help.contoso.example/sspr");
		assertThat(tenant.brandColor()).isEqualTo("#ffd700");
		assertThat(auditCount("ADMIN_CUSTOMIZATION_CHANGED")).isPositive();

		// Gold is too light for white text and for text on white: the theme picks dark ink and a darker tone.
		String css = mvc.perform(get("/branding/contoso/theme.css")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(css).contains("--brand:#ffd700", "--brand-ink:#111111").doesNotContain("--brand-text:#ffd700");
		String securityInfo = html(mvc.perform(get("/security-info").with(as("alex@contoso.example"))).andReturn());
		assertThat(securityInfo).contains("/branding/contoso/theme.css?v=" + tenant.brandingVersion());
	}

	@Test
	void whenCustomizationIsWrongThenEachFieldSaysSoAndNothingIsSaved() throws Exception {
		TenantInfo before = branding.tenant(tenantId("contoso")).orElseThrow();
		MvcResult result = mvc.perform(post("/admin/customization").with(as(CONTOSO_ADMIN)).with(csrf())
						.param("helpdeskUrl", "javascript:alert(1)").param("helpdeskEmail", "not an email")
						.param("brandColor", "red").param("mailFrom", "not <an> address").header("Accept-Language", "lv-LV"))
				.andExpect(status().isOk()).andExpect(view().name("admin/customization")).andReturn();
		assertThat(html(result)).contains("helpdeskUrl-error", "helpdeskEmail-error", "brandColor-error", "mailFrom-error");
		assertThat(branding.tenant(tenantId("contoso")).orElseThrow()).isEqualTo(before);
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void whenAPngLogoIsUploadedThenItIsServedAsAnInertImage() throws Exception {
		mvc.perform(multipart("/admin/customization/logo")
						.file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml", png()))
						.with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/customization?logoSaved"));
		MvcResult logo = mvc.perform(get("/branding/contoso/logo")).andExpect(status().isOk()).andReturn();
		// The type comes from the bytes, not from what the upload claimed.
		assertThat(logo.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(logo.getResponse().getHeader("Content-Security-Policy")).contains("sandbox", "default-src 'none'");
		assertThat(logo.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(logo.getResponse().getContentAsByteArray()).isEqualTo(png());
		mvc.perform(get("/branding/fabrikam/logo")).andExpect(status().isNotFound());

		mvc.perform(post("/admin/customization/logo/remove").with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/customization?logoRemoved"));
		mvc.perform(get("/branding/contoso/logo")).andExpect(status().isNotFound());
	}

	@Test
	void whenAnSvgWithScriptOrAnOversizedFileIsUploadedThenItIsRefusedBesideTheField() throws Exception {
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
		MvcResult refused = mvc.perform(multipart("/admin/customization/logo")
						.file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml", svg))
						.with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(status().isOk()).andExpect(view().name("admin/customization")).andReturn();
		assertThat(html(refused)).contains("logo-error").contains("scripts, links");
		byte[] big = new byte[LogoCheck.MAX_BYTES + 10];
		System.arraycopy(png(), 0, big, 0, png().length);
		MvcResult tooBig = mvc.perform(multipart("/admin/customization/logo")
						.file(new MockMultipartFile("logo", "logo.png", "image/png", big))
						.with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(status().isOk()).andReturn();
		assertThat(html(tooBig)).contains("logo-error", "larger than 100 KB");
		mvc.perform(multipart("/admin/customization/logo").with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(status().isOk()).andExpect(view().name("admin/customization"));
		mvc.perform(get("/branding/contoso/logo")).andExpect(status().isNotFound());
	}

	// ---- users -------------------------------------------------------------------------------

	@Test
	void whenAdministratorsSearchThenTheyFindByNameOrUserIdInAnyCase() throws Exception {
		String byName = html(mvc.perform(get("/admin/users").param("q", "AYŞE").with(as(CONTOSO_ADMIN))).andReturn());
		assertThat(byName).contains("ayse@contoso.example").doesNotContain("alex@contoso.example");
		String wildcard = html(mvc.perform(get("/admin/users").param("q", "%").with(as(CONTOSO_ADMIN))).andReturn());
		assertThat(wildcard).doesNotContain("alex@contoso.example");
		String garbage = html(mvc.perform(get("/admin/users").param("q", "x".repeat(5000)).param("page", "-3")
				.with(as(CONTOSO_ADMIN))).andExpect(status().isOk()).andReturn());
		assertThat(garbage).doesNotContain("alex@contoso.example");
	}

	@Test
	void whenManyUsersExistThenTheListIsPaged() throws Exception {
		for (int i = 0; i < UsersController.PAGE_SIZE; i++) {
			TestUsers.in(jdbc).contoso().create();
		}
		MvcResult first = mvc.perform(get("/admin/users").with(as(CONTOSO_ADMIN))).andReturn();
		@SuppressWarnings("unchecked")
		List<UsersController.UserRow> rows = (List<UsersController.UserRow>) first.getModelAndView().getModel().get("rows");
		assertThat(rows).hasSize(UsersController.PAGE_SIZE);
		assertThat(html(first)).contains("page=1");
		MvcResult second = mvc.perform(get("/admin/users").param("page", "1").with(as(CONTOSO_ADMIN))).andReturn();
		@SuppressWarnings("unchecked")
		List<UsersController.UserRow> more = (List<UsersController.UserRow>) second.getModelAndView().getModel().get("rows");
		assertThat(more).isNotEmpty().extracting(r -> r.user().id()).doesNotContainAnyElementsOf(
				rows.stream().map(r -> r.user().id()).toList());
	}

	@Test
	void whenAUserIsShownThenContactsAreMaskedAndNoAnswerOrSecretAppears() throws Exception {
		UserAccount alex = user("alex@contoso.example");
		String page = html(mvc.perform(get("/admin/users/" + alex.id()).with(as(CONTOSO_ADMIN))).andReturn());
		assertThat(page).doesNotContain("alex.wilber@personal.example", "555 010 0101", "Seattle", "seattle", "$argon2")
				.contains("a*****@p*****.example").contains("Alex Wilber");
	}

	@Test
	void whenTheOfficePhoneIsSetThenItCountsForResetAndIsAudited() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().create();
		UserAccount user = user(userId);
		MvcResult wrong = mvc.perform(post("/admin/users/" + user.id() + "/office-phone").with(as(CONTOSO_ADMIN))
				.with(csrf()).param("officePhone", "call me maybe")).andExpect(status().isOk()).andReturn();
		assertThat(html(wrong)).contains("officePhone-error").contains("call me maybe");
		assertThat(user(userId).officePhone()).isNull();

		mvc.perform(post("/admin/users/" + user.id() + "/office-phone").with(as(CONTOSO_ADMIN)).with(csrf())
						.param("officePhone", "+1 555 010 9999"))
				.andExpect(redirectedUrl("/admin/users/" + user.id() + "?saved"));
		assertThat(user(userId).officePhone()).isEqualTo("+1 555 010 9999");
		String details = jdbc.sql("select details from audit_record where event_type = 'ADMIN_OFFICE_PHONE_SET' and subject = ?")
				.param(userId).query(String.class).single();
		assertThat(details).doesNotContain("555 010 9999").contains("99");

		mvc.perform(post("/admin/users/" + user.id() + "/office-phone").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("officePhone", "")).andExpect(redirectedUrl("/admin/users/" + user.id() + "?saved"));
		assertThat(user(userId).officePhone()).isNull();
	}

	@Test
	void whenALockedUserIsUnlockedThenTheAccountOpensAndTheActionIsAudited() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().create();
		jdbc.sql("update directory_user set locked = true where user_id = ?").param(userId).update();
		UserAccount user = user(userId);
		assertThat(html(mvc.perform(get("/admin/users/" + user.id()).with(as(CONTOSO_ADMIN))).andReturn()))
				.contains("/unlock");
		mvc.perform(post("/admin/users/" + user.id() + "/unlock").with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + user.id() + "?unlocked"));
		assertThat(user(userId).locked()).isFalse();
		assertThat(user(userId).securityStamp()).isGreaterThan(user.securityStamp());
		assertThat(jdbc.sql("select actor from audit_record where event_type = 'ADMIN_ACCOUNT_UNLOCKED' and subject = ?")
				.param(userId).query(String.class).single()).isEqualTo(CONTOSO_ADMIN);
	}

	@Test
	void whenRegistrationIsRequiredAgainThenEveryRegisteredMethodIsGoneButDirectoryDataStays() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().withEmail("alt@mail.example").create();
		UserAccount user = user(userId);
		directory.setAuthenticationEmail(user.id(), "auth@mail.example");
		directory.setAuthenticationPhone(user.id(), "+1 555 010 7777");
		questions.register(user.id(), List.of(new SecurityQuestions.NewAnswer("q01", null, "first answer"),
				new SecurityQuestions.NewAnswer("q02", null, "second answer"),
				new SecurityQuestions.NewAnswer("q03", null, "third answer")));
		apps.register(user.id(), new byte[20], true);

		mvc.perform(get("/admin/users/" + user.id() + "/reregister").with(as(CONTOSO_ADMIN)))
				.andExpect(status().isOk()).andExpect(view().name("admin/reregister"));
		assertThat(questions.count(user.id())).isEqualTo(3);
		mvc.perform(post("/admin/users/" + user.id() + "/reregister").with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + user.id() + "?reregistered"));

		UserAccount after = user(userId);
		assertThat(after.authEmail()).isNull();
		assertThat(after.authPhone()).isNull();
		assertThat(after.securityInfoConfirmedAt()).isNull();
		assertThat(after.alternateEmail()).isEqualTo("alt@mail.example");
		assertThat(questions.count(user.id())).isZero();
		assertThat(apps.hasActiveApp(user.id())).isFalse();
		assertThat(auditCount("ADMIN_REREGISTRATION_REQUIRED")).isPositive();
	}

	// ---- activity ----------------------------------------------------------------------------

	@Test
	void whenActivityIsFilteredThenOnlyMatchingEventsShow() throws Exception {
		long contoso = tenantId("contoso");
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason)
				values (timestamp with time zone '2026-01-15 10:00:00+00', ?, 'alex@contoso.example', 'REFUSED', 'FAILURE', 'NOT_LICENSED')""")
				.param(contoso).update();
		MvcResult result = mvc.perform(get("/admin/activity").with(as(CONTOSO_ADMIN)).param("from", "2026-01-15")
				.param("to", "2026-01-15").param("outcome", "FAILURE").param("user", "alex").param("type", "REFUSED")).andReturn();
		ActivityReportsPage page = ActivityReportsPage.of(result);
		assertThat(page.total()).isEqualTo(1);
		assertThat(html(result)).contains("No license");

		MvcResult bad = mvc.perform(get("/admin/activity").with(as(CONTOSO_ADMIN)).param("from", "15/01/2026")
				.param("to", "2025-01-01").param("outcome", "MAYBE").param("type", "<script>")).andExpect(status().isOk()).andReturn();
		assertThat(html(bad)).contains("from-error", "outcome-error", "type-error").doesNotContain("<script>");
		MvcResult reversed = mvc.perform(get("/admin/activity").with(as(CONTOSO_ADMIN)).param("from", "2026-02-01")
				.param("to", "2026-01-01")).andReturn();
		assertThat(html(reversed)).contains("to-error");
	}

	@Test
	void whenActivityIsExportedThenTheCsvOpensSafelyInASpreadsheet() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().create();
		jdbc.sql("update directory_user set display_name = '=cmd()|''/c calc''!A1' where user_id = ?").param(userId).update();
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, methods)
				values (current_timestamp, ?, ?, 'PASSWORD_RESET', 'SUCCESS', null, 'EMAIL,MOBILE_SMS')""")
				.params(tenantId("contoso"), userId).update();
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome)
				values (current_timestamp, ?, 'janis@fabrikam.example', 'PASSWORD_RESET', 'SUCCESS')""")
				.param(tenantId("fabrikam")).update();

		MvcResult csv = mvc.perform(get("/admin/activity.csv").with(as(CONTOSO_ADMIN)).header("Accept-Language", "tr-TR"))
				.andExpect(status().isOk()).andReturn();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"activity-");
		String body = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF\"");
		assertThat(body.lines().findFirst().orElseThrow()).contains("Kullanıcı");
		String row = body.lines().filter(line -> line.contains(userId)).findFirst().orElseThrow();
		assertThat(row).contains("\"'=cmd()|'/c calc'!A1\"").contains("\"E-posta, Cep telefonu (kısa mesaj)\"")
				.contains("\"Parola sıfırlandı\"").doesNotContain("EMAIL");
		// Fabrikam's record stays Fabrikam's (a Contoso guest's name may well contain "fabrikam.example").
		assertThat(body).doesNotContain("\"janis@fabrikam.example\"").doesNotContain(",=").doesNotContain("\"=");
		assertThat(auditCount("ADMIN_ACTIVITY_EXPORTED")).isPositive();
	}

	/** The activity page's model, read back. */
	record ActivityReportsPage(long total) {
		static ActivityReportsPage of(MvcResult result) {
			return new ActivityReportsPage(((dev.sspr.audit.ActivityReports.ActivityPage) result.getModelAndView()
					.getModel().get("activity")).total());
		}
	}
}
