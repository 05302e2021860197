package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.AuthenticatorApps;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Passkeys as a method of the console like any other: the policy's checkbox and its hint, the change
 * carried through the impact preview and audited, counted on the dashboard and the users pages (never
 * shown by id or name), named in the activity and its export, and removed by "register again".
 */
class PasskeyAdminTests extends AdminTestSupport {

	@Autowired
	Passkeys passkeys;

	@Autowired
	AuthenticatorApps apps;

	static SoftwareAuthenticator device() {
		return SoftwareAuthenticator.create("localhost", "http://localhost:8080");
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	private int passkeysOf(String userId) {
		return passkeys.count(user(userId).id());
	}

	// ---- policy -------------------------------------------------------------------------------

	@Test
	void whenThePolicyIsShownThenThePasskeyIsAMethodWithItsHintTickedWhereAllowed() throws Exception {
		Document contoso = Jsoup.parse(html(get("/admin/policy").with(as(CONTOSO_ADMIN))));
		Element box = contoso.selectFirst("input[type=checkbox][name=methods][value=passkey]");
		assertThat(box).isNotNull();
		assertThat(box.hasAttr("checked")).as("Contoso allows passkeys").isTrue();
		Element label = contoso.selectFirst("label[for=" + box.id() + "]");
		assertThat(label.child(0).text()).isEqualTo("Passkey");
		assertThat(label.select(".hint").text()).contains("security info page", "Phishing-resistant");
		// The hint belongs to the passkey only.
		assertThat(contoso.select("input[name=methods]")).hasSize(MethodKind.values().length);
		assertThat(contoso.select("fieldset.field .choice label .hint")).hasSize(1);

		Document fabrikam = Jsoup.parse(html(get("/admin/policy").with(as(FABRIKAM_ADMIN))));
		assertThat(fabrikam.selectFirst("input[name=methods][value=passkey]").hasAttr("checked"))
				.as("Fabrikam does not allow passkeys").isFalse();
	}

	/** Contoso's policy as its form posts it, with these methods. */
	private MockHttpServletRequestBuilder contosoPolicy(List<String> methods, String... more) {
		PolicyForm form = PolicyForm.of(policies.current(tenantId("contoso")));
		MockHttpServletRequestBuilder post = post("/admin/policy").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("scope", form.scope()).param("scopeGroup", form.scopeGroup())
				.param("methods", methods.toArray(String[]::new)).param("methodsRequired", form.methodsRequired())
				.param("questionsToRegister", form.questionsToRegister()).param("questionsToReset", form.questionsToReset())
				.param("customQuestions", form.customQuestions()).param("reconfirmDays", form.reconfirmDays())
				.param("bannedTerms", form.bannedTerms()).param("returnToOrigins", form.returnToOrigins());
		for (String flag : List.of("requireRegistration", "notifyUsers", "notifyAdmins", "writebackEnabled",
				"unlockWithoutReset", "showRefusalReason", "externalUsersReset")) {
			post.param("_" + flag, "on");
		}
		for (String flag : new String[] { form.requireRegistration() == null ? null : "requireRegistration",
				form.notifyUsers() == null ? null : "notifyUsers", form.notifyAdmins() == null ? null : "notifyAdmins",
				form.writebackEnabled() == null ? null : "writebackEnabled",
				form.unlockWithoutReset() == null ? null : "unlockWithoutReset",
				form.showRefusalReason() == null ? null : "showRefusalReason",
				form.externalUsersReset() == null ? null : "externalUsersReset" }) {
			if (flag != null) {
				post.param(flag, "true");
			}
		}
		for (int i = 0; i < more.length; i += 2) {
			post.param(more[i], more[i + 1]);
		}
		return post;
	}

	@Test
	void whenTurningPasskeysOffCostsAUserTheirResetThenThePreviewNamesThemAndTheConfirmedChangeIsAudited() throws Exception {
		String needsIt = TestUsers.in(jdbc).contoso().withRegisteredEmail("pk-console@personal.example")
				.withPasskey(passkeys, device()).create();
		List<String> withoutPasskey = PolicyForm.of(policies.current(tenantId("contoso"))).methods().stream()
				.filter(m -> !m.equals("passkey")).toList();
		assertThat(withoutPasskey).hasSize(MethodKind.values().length - 1);

		MvcResult preview = mvc.perform(contosoPolicy(withoutPasskey)).andExpect(view().name("admin/impact")).andReturn();
		ImpactPreview.Impact impact = (ImpactPreview.Impact) preview.getModelAndView().getModel().get("impact");
		assertThat(impact.losing()).extracting(u -> u.userId()).contains(needsIt);
		Document page = Jsoup.parse(preview.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("input[type=hidden][name=methods]").eachAttr("value"))
				.containsExactlyInAnyOrderElementsOf(withoutPasskey);
		assertThat(policies.current(tenantId("contoso")).policy().enabledMethods()).contains(MethodKind.PASSKEY);

		mvc.perform(contosoPolicy(withoutPasskey, "action", "confirm", "confirmedImpact", String.valueOf(impact.losing().size())))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		assertThat(policies.current(tenantId("contoso")).policy().enabledMethods()).doesNotContain(MethodKind.PASSKEY)
				.hasSize(MethodKind.values().length - 1);
		String details = jdbc.sql("select details from audit_record where event_type = 'ADMIN_POLICY_CHANGED' order by id desc fetch first 1 rows only")
				.query(String.class).single();
		assertThat(details).contains("methods: [", "PASSKEY] -> [").doesNotContain("PASSKEY]; ");
	}

	@Test
	void whenAChangeKeepsPasskeysThenTheConfirmationCarriesThemAndTheySurviveTheSave() throws Exception {
		// Without email and the app, Lucy (email and mobile) loses her reset: the confirmation page is shown.
		List<String> methods = List.of("mobile-sms", "security-questions", "passkey");
		MvcResult preview = mvc.perform(contosoPolicy(methods)).andExpect(view().name("admin/impact")).andReturn();
		ImpactPreview.Impact impact = (ImpactPreview.Impact) preview.getModelAndView().getModel().get("impact");
		Document page = Jsoup.parse(preview.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("input[type=hidden][name=methods]").eachAttr("value"))
				.containsExactlyInAnyOrderElementsOf(methods);

		mvc.perform(contosoPolicy(methods, "action", "confirm", "confirmedImpact", String.valueOf(impact.losing().size())))
				.andExpect(redirectedUrl("/admin/policy?saved"));
		assertThat(policies.current(tenantId("contoso")).policy().enabledMethods())
				.containsExactlyInAnyOrder(MethodKind.MOBILE_SMS, MethodKind.SECURITY_QUESTIONS, MethodKind.PASSKEY);
	}

	@Test
	void whenPasskeysAreAllowedThenTheAuditLineSaysSo() {
		PolicySettings before = policies.current(tenantId("fabrikam"));
		SsprPolicy p = before.policy();
		EnumSet<MethodKind> methods = EnumSet.copyOf(p.enabledMethods());
		methods.add(MethodKind.PASSKEY);
		PolicySettings after = new PolicySettings(ImpactPreviewTests.copy(p, p.scope(), p.scopeGroup(), methods,
				p.methodsRequired()), before.customQuestions(), before.bannedTerms(), before.returnToOrigins());
		assertThat(PolicyDiff.between(before, after))
				.isEqualTo("methods: [APP_CODE, EMAIL, MOBILE_SMS] -> [APP_CODE, EMAIL, MOBILE_SMS, PASSKEY]");
	}

	// ---- dashboard and users -------------------------------------------------------------------

	@SuppressWarnings("unchecked")
	private static int methodCount(MvcResult dashboard, String method) {
		return ((List<Charts.Bar>) dashboard.getModelAndView().getModel().get("methodBars")).stream()
				.filter(bar -> bar.label().equals(method)).mapToInt(Charts.Bar::value).sum();
	}

	@SuppressWarnings("unchecked")
	private static List<Integer> coverage(MvcResult dashboard) {
		return ((List<Charts.Segment>) dashboard.getModelAndView().getModel().get("coverage")).stream()
				.map(Charts.Segment::value).toList();
	}

	private MvcResult dashboard() throws Exception {
		return mvc.perform(get("/admin").with(as(CONTOSO_ADMIN)).header("Accept-Language", "en")).andExpect(status().isOk())
				.andReturn();
	}

	@Test
	void whenAUserRegistersOnlyPasskeysThenTheDashboardCountsThemOnceUnderPasskey() throws Exception {
		MvcResult before = dashboard();
		// Two passkeys are one method; alone they are not enough where two methods are required.
		TestUsers.in(jdbc).contoso().withPasskey(passkeys, device()).withPasskey(passkeys, device()).create();
		MvcResult after = dashboard();

		assertThat(methodCount(after, "passkey")).isEqualTo(methodCount(before, "passkey") + 1);
		assertThat(methodCount(after, "email")).isEqualTo(methodCount(before, "email"));
		assertThat(coverage(after).get(1)).as("has a method, cannot reset").isEqualTo(coverage(before).get(1) + 1);
		assertThat(coverage(after).get(2)).as("has no method").isEqualTo(coverage(before).get(2));

		Document page = Jsoup.parse(after.getResponse().getContentAsString(StandardCharsets.UTF_8));
		Element methods = page.select("figure.chart").get(3);
		assertThat(methods.select(".ranking-label").eachText()).contains("Passkey");
		assertThat(methods.text()).contains("Passkey " + methodCount(after, "passkey"));
	}

	@Test
	void whenAUserHasPasskeysThenTheUsersListAndTheirPageSayHowManyButNeverWhich() throws Exception {
		SoftwareAuthenticator laptop = device();
		SoftwareAuthenticator phone = device();
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail("pk-list@personal.example")
				.withPasskey(passkeys, laptop).withPasskey(passkeys, phone).create();
		String without = TestUsers.in(jdbc).contoso().withUserId("no" + userId).create();

		MvcResult list = mvc.perform(get("/admin/users").param("q", userId).with(as(CONTOSO_ADMIN))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<UsersController.UserRow> rows = (List<UsersController.UserRow>) list.getModelAndView().getModel().get("rows");
		assertThat(rows).filteredOn(r -> r.user().userId().equals(userId)).singleElement()
				.satisfies(r -> assertThat(r.passkeys()).isEqualTo(2));
		assertThat(rows).filteredOn(r -> r.user().userId().equals(without)).singleElement()
				.satisfies(r -> assertThat(r.passkeys()).isZero());
		String listHtml = list.getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document listPage = Jsoup.parse(listHtml);
		assertThat(listPage.select("th").eachText()).contains("Passkeys");
		assertThat(listPage.select("td.passkeys").eachText()).contains("2", "0");
		assertThat(listHtml).doesNotContain(laptop.credentialId(), phone.credentialId(), "Test passkey");

		String userHtml = html(get("/admin/users/" + user(userId).id()).with(as(CONTOSO_ADMIN)));
		assertThat(Jsoup.parse(userHtml).select("dd.passkeys").text()).isEqualTo("2 passkeys");
		assertThat(userHtml).doesNotContain(laptop.credentialId(), phone.credentialId(), "Test passkey");
		assertThat(Jsoup.parse(html(get("/admin/users/" + user(without).id()).with(as(CONTOSO_ADMIN))))
				.select("dd.passkeys").text()).isEqualTo("None");
	}

	// ---- activity ---------------------------------------------------------------------------------

	private void audit(String subject, String eventType, String outcome, String methods) {
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, methods)
				values (current_timestamp, ?, ?, ?, ?, null, ?)""")
				.params(tenantId("contoso"), subject, eventType, outcome, methods).update();
	}

	@Test
	void whenResetsAndRegistrationsUsedAPasskeyThenEveryPageAndTheExportNameItInWords() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().create();
		audit(userId, "METHOD_REGISTERED", "SUCCESS", "PASSKEY");
		audit(userId, "PASSWORD_RESET", "SUCCESS", "EMAIL,PASSKEY");
		audit(userId, "METHOD_REMOVED", "SUCCESS", "PASSKEY");

		String userPage = html(get("/admin/users/" + user(userId).id()).with(as(CONTOSO_ADMIN)));
		Document page = Jsoup.parse(userPage);
		assertThat(page.select("table.data tbody tr td:nth-child(3)").eachText())
				.containsExactlyInAnyOrder("Passkey", "Email, Passkey", "Passkey");
		assertThat(userPage).doesNotContain("PASSKEY");

		Document activity = Jsoup.parse(html(get("/admin/activity").param("user", userId).with(as(CONTOSO_ADMIN))));
		assertThat(activity.select("table.data tbody tr td:nth-child(4)").eachText())
				.containsExactlyInAnyOrder("Passkey", "Email, Passkey", "Passkey");
		assertThat(activity.select("table.data").outerHtml()).doesNotContain("PASSKEY");
		// Another language: its own name, never the code.
		String turkish = mvc.perform(get("/admin/activity").param("user", userId).with(as(CONTOSO_ADMIN))
				.header("Accept-Language", "tr")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(turkish).select("table.data").outerHtml()).contains("Geçiş anahtarı").doesNotContain("PASSKEY");

		String csv = mvc.perform(get("/admin/activity.csv").param("user", userId).with(as(CONTOSO_ADMIN))
				.header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().filter(line -> line.contains(userId))).hasSize(3);
		assertThat(csv).contains("\"Email, Passkey\"", "\"Passkey\"").doesNotContain("PASSKEY");
	}

	// ---- register again ---------------------------------------------------------------------------

	@Test
	void whenAUserMustRegisterAgainThenTheirPasskeysGoTooAndThePageSaysSo() throws Exception {
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail("pk-again@personal.example")
				.withDemoAuthenticatorApp(apps).withPasskey(passkeys, device()).withPasskey(passkeys, device()).create();
		String bystander = TestUsers.in(jdbc).contoso().withPasskey(passkeys, device()).create();
		long id = user(userId).id();

		String confirm = html(get("/admin/users/" + id + "/reregister").with(as(CONTOSO_ADMIN)));
		assertThat(Jsoup.parse(confirm).select("ul.rules li").eachText())
				.anySatisfy(item -> assertThat(item).contains("every passkey"));
		assertThat(passkeysOf(userId)).isEqualTo(2);

		mvc.perform(post("/admin/users/" + id + "/reregister").with(as(CONTOSO_ADMIN)).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + id + "?reregistered"));

		assertThat(passkeysOf(userId)).isZero();
		assertThat(apps.hasActiveApp(id)).isFalse();
		assertThat(user(userId).authEmail()).isNull();
		assertThat(passkeysOf(bystander)).as("someone else's passkey").isEqualTo(1);
		String details = jdbc.sql("""
				select details from audit_record where event_type = 'ADMIN_REREGISTRATION_REQUIRED' and subject = ?""")
				.param(userId).query(String.class).single();
		assertThat(details).isEqualTo("passkeys removed: 2");
		assertThat(Jsoup.parse(html(get("/admin/users/" + id).with(as(CONTOSO_ADMIN)))).select("dd.passkeys").text())
				.isEqualTo("None");
		Set<Long> tenantCounts = passkeys.countsInTenant(tenantId("contoso")).keySet();
		assertThat(tenantCounts).doesNotContain(id).contains(user(bystander).id());
	}
}
