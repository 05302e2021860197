package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.sspr.Axe;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole reset and the security-info page on a 320 px phone in the scripts that stress a layout
 * most: right to left (Arabic, Hebrew), CJK (Japanese, Traditional Chinese), Thai, and the long words
 * of German and Finnish. On every page: the language and direction are right, nothing scrolls
 * sideways, and a screenshot is kept; in Arabic, axe-core finds nothing. The browser's own language
 * (Accept-Language) chooses the page's.
 */
class LanguagesBrowserTests extends BrowserTestSupport {

	static final int PHONE_WIDTH = 320;

	@Autowired
	DevOutbox outbox;

	@Autowired
	Directory directory;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	@ParameterizedTest(name = "{1}")
	@CsvSource({ "ar-EG, ar, rtl", "he-IL, he, rtl", "ja-JP, ja, ltr", "zh-TW, zh-TW, ltr", "th-TH, th, ltr",
			"de-DE, de, ltr", "fi-FI, fi, ltr" })
	void whenAPhoneResetsAndOpensSecurityInfoInALanguageThenEveryPageIsInItAndFitsTheScreen(String browserLocale,
			String lang, String dir) {
		throttle.clearAll();
		String email = "i18n-" + lang.toLowerCase(Locale.ROOT) + "@pasts.example";
		String userId = TestUsers.in(jdbc).fabrikam().withEmail(email).create();
		String password = "Ünïcødé-Kennwort-" + lang + "-2026";
		Locale locale = Locale.forLanguageTag(lang);
		try (BrowserContext context = newContext(browserLocale, PHONE_WIDTH, 640)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/reset"));
			check(page, lang, dir, "01-identify");
			page.fill("#userId", userId);
			Browser.solveCaptcha(page);
			page.click("button.primary");

			page.waitForURL("**/reset/method");
			check(page, lang, dir, "02-method");
			page.check("#method-email");
			page.click("button.primary");

			page.waitForURL("**/reset/verify");
			check(page, lang, dir, "03-confirm-email");
			page.fill("#destination", email);
			page.click("button.primary");
			page.waitForSelector("#code");
			check(page, lang, dir, "04-enter-code");
			page.fill("#code", Browser.lastCodeTo(outbox, email));
			page.click("button.primary");

			page.waitForURL("**/reset/password");
			check(page, lang, dir, "05-password");
			page.fill("#newPassword", password);
			page.fill("#confirmPassword", password);
			page.click("button.primary");

			page.waitForURL("**/reset/done");
			check(page, lang, dir, "06-done");
			assertThat(page.locator("h1").innerText()).isEqualTo(messages.getMessage("reset.done.reset.heading", null, locale));

			signInToSecurityInfo(page, userId, password);
			page.waitForURL("**/security-info");
			check(page, lang, dir, "07-security-info");
			// The masked address reads left to right, even on a right-to-left page.
			assertThat(page.locator(".method-status bdi[dir=ltr]").first().innerText()).isEqualTo("i*****@p*****.example");
			page.navigate(url("/security-info/email"));
			check(page, lang, dir, "08-security-info-email");
			assertThat(errors).isEmpty();
		}
		assertThat(directory.passwordMatches(userId, password)).isTrue();
	}

	@Test
	void whenArabicErrorAndConsoleSignInPagesAreOpenedThenTheyRunRightToLeft() {
		try (BrowserContext context = newContext("ar", PHONE_WIDTH, 640)) {
			Page page = context.newPage();
			Response missing = page.navigate(url("/nowhere"));
			assertThat(missing.status()).isEqualTo(404);
			check(page, "ar", "rtl", "09-error-404");
			page.navigate(url("/admin/sign-in"));
			check(page, "ar", "rtl", "10-admin-sign-in");
		}
	}

	@Test
	void whenTheLanguageIsPickedWithTheKeyboardThenThePageAndTheNextOnesAreInIt() {
		try (BrowserContext context = newContext("en-US", PHONE_WIDTH, 640)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/reset"));
			assertThat(page.locator("label[for=language-picker]").innerText()).isEqualTo("Language");
			// Each language in its own name, marked with its language for screen readers.
			assertThat(page.locator("#language-picker option[value=he]").getAttribute("lang")).isEqualTo("he");
			assertThat(page.locator("#language-picker option[value=he]").innerText()).isEqualTo("עברית");
			assertThat(page.locator("#language-picker option[selected]").getAttribute("value")).isEqualTo("en");

			page.focus("#language-picker");
			page.keyboard().press("End");
			String last = (String) page.evaluate("document.getElementById('language-picker').value");
			assertThat(last).isNotEqualTo("en");
			page.keyboard().press("Tab");
			assertThat(page.evaluate("document.activeElement.matches('.languages button')")).isEqualTo(true);
			page.waitForNavigation(() -> page.keyboard().press("Enter"));
			assertThat(page.url()).endsWith("/reset?mkt=" + last);
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo(last);
			// The choice sticks (a cookie), whatever the browser says; here with the list's Hebrew.
			page.selectOption("#language-picker", "he");
			page.waitForNavigation(() -> page.click(".languages button"));
			page.navigate(url("/sign-in"));
			check(page, "he", "rtl", "11-picked-hebrew");
			assertThat(errors).isEmpty();
		}
	}

	/** The page's language and direction, no sideways scrolling on the phone, a screenshot, and axe for Arabic. */
	private static void check(Page page, String lang, String dir, String step) {
		String where = lang + " " + step + " " + page.url();
		assertThat(page.locator("html").getAttribute("lang")).as(where).isEqualTo(lang);
		assertThat(page.locator("html").getAttribute("dir")).as(where).isEqualTo(dir);
		shot(page, "i18n-" + lang + "-" + step);
		Browser.assertNoSidewaysScroll(page, where);
		if ("ar".equals(lang)) {
			assertThat(Axe.violations(page)).as(where).isEmpty();
		}
	}
}
