package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.sspr.directory.TenantLanguages;
import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MvcResult;

/** A tenant's languages in the console: the form, its validation beside each field, and its effect. */
class AdminLanguagesTests extends AdminTestSupport {

	@Autowired
	TenantLanguages languages;

	@Autowired
	MessageSource messages;

	TenantLanguages.Settings saved;

	@BeforeEach
	void rememberLanguages() {
		saved = languages.of(tenantId("contoso"));
	}

	@AfterEach
	void restoreLanguages() {
		languages.save(tenantId("contoso"), saved);
	}

	Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void whenLanguagesAreValidThenTheyAreSavedAuditedAndLimitTheTenantsPages() throws Exception {
		long before = auditCount("ADMIN_CUSTOMIZATION_CHANGED");
		mvc.perform(post("/admin/customization/languages").with(as(CONTOSO_ADMIN)).with(csrf())
						.param("defaultLanguage", "fr").param("offered", "en", "fr", "ar"))
				.andExpect(redirectedUrl("/admin/customization?languagesSaved"));
		assertThat(languages.of(tenantId("contoso"))).isEqualTo(new TenantLanguages.Settings("fr", List.of("en", "fr", "ar")));
		assertThat(auditCount("ADMIN_CUSTOMIZATION_CHANGED")).isEqualTo(before + 1);

		// A Japanese browser is not offered Japanese: the tenant's default; the picker lists the three.
		Document japanese = page(mvc.perform(get("/admin/customization").with(as(CONTOSO_ADMIN))
				.header("Accept-Language", "ja-JP")).andExpect(status().isOk()).andReturn());
		assertThat(japanese.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(japanese.select("#language-picker option").eachAttr("value")).containsExactlyInAnyOrder("en", "fr", "ar");
		assertThat(japanese.select("#defaultLanguage option[selected]").attr("value")).isEqualTo("fr");
		assertThat(japanese.select("input[name=offered][checked]").eachAttr("value")).containsExactlyInAnyOrder("en", "fr", "ar");

		// An Arabic browser gets the page right to left; another tenant's users are not affected.
		Document arabic = page(mvc.perform(get("/security-info").with(as("alex@contoso.example"))
				.header("Accept-Language", "ar")).andReturn());
		assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
		Document fabrikam = page(mvc.perform(get("/admin/customization").with(as(FABRIKAM_ADMIN))
				.header("Accept-Language", "ja-JP")).andReturn());
		assertThat(fabrikam.selectFirst("html").attr("lang")).isEqualTo("ja");
	}

	@Test
	void whenTheDefaultIsNotOfferedThenTheFieldSaysSoInTheAdministratorsLanguageAndNothingIsSaved() throws Exception {
		MvcResult result = mvc.perform(post("/admin/customization/languages").with(as(CONTOSO_ADMIN)).with(csrf())
						.param("defaultLanguage", "de").param("offered", "en", "lv").header("Accept-Language", "lv-LV"))
				.andExpect(status().isOk()).andExpect(view().name("admin/customization")).andReturn();
		Document page = page(result);
		assertThat(page.selectFirst("#defaultLanguage-error").text()).isEqualTo(
				messages.getMessage("admin.customization.languages.default.notOffered", null, Locale.forLanguageTag("lv")));
		assertThat(page.selectFirst("#defaultLanguage").attr("aria-describedby")).isEqualTo("defaultLanguage-error");
		// What was typed stays on the form; the rest of the page is there too.
		assertThat(page.select("input[name=offered][checked]").eachAttr("value")).containsExactlyInAnyOrder("en", "lv");
		assertThat(page.selectFirst("#helpdeskUrl")).isNotNull();
		assertThat(languages.of(tenantId("contoso"))).isEqualTo(saved);
	}

	@Test
	void whenNoLanguageOrAnUnknownOneIsOfferedThenRefused() throws Exception {
		Document none = page(mvc.perform(post("/admin/customization/languages").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("defaultLanguage", "en")).andExpect(status().isOk()).andReturn());
		assertThat(none.selectFirst("#offered-error").text()).isEqualTo(
				messages.getMessage("admin.customization.languages.offered.empty", null, Locale.ENGLISH));
		Document unknown = page(mvc.perform(post("/admin/customization/languages").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("defaultLanguage", "xx").param("offered", "en", "xx")).andExpect(status().isOk()).andReturn());
		assertThat(unknown.select("#offered-error, #defaultLanguage-error")).hasSize(2);
		assertThat(languages.of(tenantId("contoso"))).isEqualTo(saved);
	}

	@Test
	void whenEveryLanguageIsTickedThenLanguagesAddedLaterAreOfferedToo() throws Exception {
		mvc.perform(post("/admin/customization/languages").with(as(CONTOSO_ADMIN)).with(csrf())
						.param("defaultLanguage", "tr")
						.param("offered", Languages.ALL.stream().map(Language::tag).toArray(String[]::new)))
				.andExpect(redirectedUrl("/admin/customization?languagesSaved"));
		assertThat(languages.of(tenantId("contoso"))).isEqualTo(new TenantLanguages.Settings("tr", List.of()));
	}
}
