package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoTenants;
import dev.sspr.DemoUsers;
import dev.sspr.directory.TenantBranding;
import dev.sspr.policy.PolicyUpdates;
import dev.sspr.throttle.Throttle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console in a real browser (headless Debian Chromium): an administrator raises the required
 * methods from one to two, sees who would lose password reset, confirms, and one of those users is
 * then turned away by the reset portal; every page in every language without a console error;
 * branding reaching the end-user pages. Screenshots go to target/screenshots.
 */
class AdminBrowserTests extends BrowserTestSupport {

	@Autowired
	PolicyUpdates policies;

	@Autowired
	TenantBranding branding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	private long fabrikam;
	private long contoso;
	private DemoTenants demoTenants;

	@BeforeEach
	void remember() {
		throttle.clearAll();
		fabrikam = jdbc.sql("select id from tenant where name = 'fabrikam'").query(Long.class).single();
		contoso = jdbc.sql("select id from tenant where name = 'contoso'").query(Long.class).single();
		demoTenants = DemoTenants.remember(jdbc, policies, branding);
	}

	@AfterEach
	void restore() {
		demoTenants.restore();
	}

	private void signIn(Page page, String userId, String password) {
		ConsoleSignIn.signIn(page, url(""), userId, password);
	}

	private static Optional<String> sessionCookie(BrowserContext context) {
		return context.cookies().stream().filter(c -> c.name.equals("SSPR_SESSION")).map(c -> c.value).findFirst();
	}

	@Test
	void whenAnAdministratorRequiresTwoMethodsThenTheImpactIsShownAndAUserIsThenRefused() {
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			// A session from the reset portal first: signing in to the console must replace it (S-60).
			startReset(page, "janis@fabrikam.example");
			page.waitForURL("**/reset/**");
			String before = sessionCookie(context).orElseThrow();
			signIn(page, "edgars@fabrikam.example", DemoUsers.FABRIKAM_PASSWORD);
			assertThat(sessionCookie(context)).isPresent().get().isNotEqualTo(before);

			page.click("a[href='/admin/policy']");
			page.waitForURL("**/admin/policy");
			page.check("input[name=methodsRequired][value='2']");
			page.click("form.policy button.primary");
			page.waitForSelector("table.data");
			shot(page, "admin-en-impact");
			assertThat(page.locator("h1").textContent()).contains("would no longer be able to reset");
			assertThat(page.locator("table.data").textContent()).contains("Marta Ozola");
			assertThat(policies.current(fabrikam).policy().methodsRequired()).isEqualTo(1);

			page.click("button[name=action][value=confirm]");
			page.waitForURL("**/admin/policy?saved");
			assertThat(policies.current(fabrikam).policy().methodsRequired()).isEqualTo(2);
			assertThat(errors).isEmpty();
		}
		try (BrowserContext context = newContext("en-US", 390, 844)) {
			Page page = context.newPage();
			startReset(page, "marta@fabrikam.example");
			page.waitForURL("**/reset/contact-admin");
			shot(page, "admin-en-refused-after-change");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en-US", "tr-TR", "lv-LV" })
	void whenAnAdministratorWalksTheConsoleThenEveryPageShowsWithoutErrors(String locale) {
		String language = locale.substring(0, 2);
		try (BrowserContext context = newContext(locale, 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			signIn(page, "adele@contoso.example", DemoUsers.CONTOSO_PASSWORD);
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
			assertThat(page.locator("svg.chart-svg rect.bar-ok").count()).isPositive();
			shot(page, "admin-" + language + "-dashboard");
			for (String section : List.of("policy", "customization", "activity", "users")) {
				page.click("nav.admin-nav a[href='/admin/" + section + "']");
				page.waitForURL("**/admin/" + section);
				assertThat(page.content()).doesNotContain("??");
				shot(page, "admin-" + language + "-" + section);
			}
			page.click("table.data a");
			page.waitForURL("**/admin/users/*");
			shot(page, "admin-" + language + "-user");
			page.click("form[action='/admin/sign-out'] button");
			page.waitForURL("**/admin/sign-in?signedOut");
			assertThat(errors).isEmpty();
		}
	}

	@Test
	void whenATenantIsBrandedThenItsUsersSeeTheLogoAndColour() throws Exception {
		Path logo = Files.createTempFile("logo", ".svg");
		Files.writeString(logo, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\">"
				+ "<rect width=\"40\" height=\"20\" fill=\"#2a7\"/></svg>");
		try (BrowserContext context = newContext("lv-LV", 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			signIn(page, "adele@contoso.example", DemoUsers.CONTOSO_PASSWORD);
			page.navigate(url("/admin/customization"));
			page.fill("#brandColor", "#7a1f5c");
			page.click("form[action='/admin/customization'] button.primary");
			page.waitForURL("**/admin/customization?saved");
			// Too large: the page refuses it before sending, in the page's language.
			Path big = Files.createTempFile("big", ".png");
			Files.write(big, new byte[LogoCheck.MAX_BYTES + 1]);
			page.setInputFiles("#logo", big);
			Files.delete(big);
			page.click("form[action='/admin/customization/logo'] button.primary");
			assertThat(page.url()).endsWith("/admin/customization?saved");
			assertThat(page.locator("#logo").evaluate("i => i.validationMessage")).asString().contains("100 KB");
			page.setInputFiles("#logo", logo);
			page.click("form[action='/admin/customization/logo'] button.primary");
			page.waitForURL("**/admin/customization?logoSaved");
			shot(page, "admin-lv-customization-saved");
			assertThat(errors).isEmpty();
		}
		finally {
			Files.deleteIfExists(logo);
		}
		try (BrowserContext context = newContext("en-US", 390, 844)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			startReset(page, "alex@contoso.example");
			page.waitForURL("**/reset/method");
			assertThat(page.locator("img.logo").isVisible()).isTrue();
			assertThat(page.locator("img.logo").evaluate("img => img.naturalWidth")).isNotEqualTo(0);
			assertThat(page.locator(".masthead").evaluate("e => getComputedStyle(e).backgroundColor"))
					.isEqualTo("rgb(122, 31, 92)");
			shot(page, "admin-branded-reset");
			assertThat(errors).isEmpty();
		}
	}
}
