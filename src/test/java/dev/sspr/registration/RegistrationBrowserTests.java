package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.Directory;
import dev.sspr.verification.Totp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * A new user with no methods signs in (Turkish), is interrupted, registers email, phone, security
 * questions and an authenticator app, signs out, and resets their password with two of them.
 */
class RegistrationBrowserTests extends BrowserTestSupport {

	static final Locale TURKISH = Locale.forLanguageTag("tr");
	static final Map<String, String> ANSWERS = Map.of("q01", "Antalya", "q02", "Bursa", "q03", "Eskişehir");

	@Autowired
	DevOutbox outbox;

	@Autowired
	Directory directory;

	@Autowired
	MessageSource messages;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void whenNewUserRegistersEverythingThenTheyCanResetWithTwoOfThem() {
		// A new user like the demo's Nora: nothing registered, and never confirmed.
		String user = dev.sspr.TestUsers.in(jdbc).contoso().neverConfirmed().create();
		String newPassword = "Kapadokya-Balonları-2026";
		try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
				.setLocale("tr-TR").setViewportSize(420, 900))) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/sign-in"));
			page.fill("#userId", user);
			page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
			shot(page, "reg-tr-01-sign-in");
			page.click("button.primary");
			page.waitForURL("**/security-info?setup");
			shot(page, "reg-tr-02-interrupted");

			page.click("a[href='/security-info/email']");
			page.fill("#destination", "nora.newman@home.example");
			page.click("button.primary");
			page.waitForURL("**/security-info/email/verify");
			page.fill("#code", lastCode());
			page.click("button.primary");
			page.waitForURL("**/security-info?saved");

			page.click("a[href='/security-info/phone']");
			page.fill("#destination", "+90 555 000 0099");
			page.click("button.primary");
			page.waitForURL("**/security-info/phone/verify");
			page.fill("#code", lastCode());
			page.click("button.primary");
			page.waitForURL("**/security-info?saved");

			page.click("a[href='/security-info/questions']");
			int i = 0;
			for (Map.Entry<String, String> answer : ANSWERS.entrySet()) {
				page.selectOption("#question-" + i, answer.getKey());
				page.fill("#answer-" + i, answer.getValue());
				i++;
			}
			shot(page, "reg-tr-03-questions");
			page.click("button.primary");
			page.waitForURL("**/security-info?saved");

			page.click("form[action='/security-info/app/start'] button");
			page.waitForURL("**/security-info/app");
			shot(page, "reg-tr-04-app-qr");
			byte[] secret = new Base32().decode(page.innerText("#app-secret").replace(" ", ""));
			long step = Totp.stepOf(clock.instant());
			page.fill("#code", Totp.codeAt(secret, step));
			page.click("button.primary");
			page.waitForURL("**/security-info?saved");
			shot(page, "reg-tr-05-all-registered");
			assertThat(page.locator(".methods").innerText()).contains("n*****@h*****.example", "**********99");

			page.click("form[action='/sign-out'] button");
			page.waitForURL("**/sign-in?signedOut");

			// Now the reset portal, with the email code and the security questions.
			page.navigate(url("/reset"));
			page.fill("#userId", user);
			Browser.solveCaptcha(page);
			page.click("button.primary");
			page.waitForURL("**/reset/method");
			page.check("#method-email");
			page.click("button.primary");
			page.fill("#destination", "nora.newman@home.example");
			page.click("button.primary");
			page.waitForSelector("#code");
			page.fill("#code", lastCode());
			page.click("button.primary");
			page.waitForURL("**/reset/method");
			page.check("#method-security-questions");
			page.click("button.primary");
			page.waitForSelector("#answer-0");
			Locator labels = page.locator("label[for^=answer-]");
			for (int n = 0; n < labels.count(); n++) {
				page.fill("#answer-" + n, answerFor(labels.nth(n).innerText()));
			}
			page.click("button.primary");
			page.waitForURL("**/reset/password");
			page.fill("#newPassword", newPassword);
			page.fill("#confirmPassword", newPassword);
			page.click("button.primary");
			page.waitForURL("**/reset/done");
			shot(page, "reg-tr-06-reset-done");
			assertThat(errors).isEmpty();
		}
		assertThat(directory.passwordMatches(user, newPassword)).isTrue();
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "en-US", "lv-LV" })
	void whenSignedInPagesWalkedThenEachIsInTheBrowsersLanguage(String language) {
		String user = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("walk@home.example").create();
		String lang = language.substring(0, 2);
		try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
				.setLocale(language).setViewportSize(1024, 900))) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/sign-in"));
			page.fill("#userId", user);
			page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
			page.click("button.primary");
			page.waitForURL("**/security-info?setup");
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang);
			shot(page, "reg-" + lang + "-01-security-info");

			page.click("a[href='/security-info/questions']");
			assertThat(page.locator("#question-0 option[value='q29']").innerText())
					.isEqualTo(messages.getMessage("question.predefined.q29", null, Locale.forLanguageTag(lang)));
			page.selectOption("#question-0", "q29");
			page.selectOption("#question-1", "q29");
			page.click("button.primary");
			page.waitForSelector("#questions-1-error");
			shot(page, "reg-" + lang + "-02-questions-errors");

			page.navigate(url("/security-info"));
			page.click("form[action='/security-info/app/start'] button");
			page.waitForURL("**/security-info/app");
			assertThat(page.locator("img.qr").getAttribute("alt"))
					.isEqualTo(messages.getMessage("registration.app.qrAlt", null, Locale.forLanguageTag(lang)));
			shot(page, "reg-" + lang + "-03-app");

			page.navigate(url("/security-info/password"));
			page.fill("#currentPassword", "wrong");
			page.fill("#newPassword", "Short1!");
			page.fill("#confirmPassword", "Short1!");
			page.click("button.primary");
			page.waitForSelector("#currentPassword-error");
			shot(page, "reg-" + lang + "-04-change-password");
			assertThat(errors).isEmpty();
		}
	}

	private String answerFor(String question) {
		return ANSWERS.entrySet().stream()
				.filter(e -> messages.getMessage("question.predefined." + e.getKey(), null, TURKISH).equals(question.strip()))
				.map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException("unexpected " + question));
	}

	private String lastCode() {
		return Browser.lastCode(outbox);
	}
}
