package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complete resets in a real browser (headless Debian Chromium): in Turkish with an email code and
 * security questions, and in Latvian with the authenticator app. Screenshots go to target/screenshots.
 * A console error (a CSP violation, a script failure) fails the test.
 */
class BrowserJourneyTests extends BrowserTestSupport {

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

	@Autowired
	dev.sspr.verification.AuthenticatorApps apps;

	@BeforeEach
	void cleanSlate() {
		CleanSlate.restore(jdbc, throttle, outbox);
	}

	@Test
	void whenTurkishUserResetsWithEmailAndQuestionsThenPasswordChanges() {
		String password = "Boğaziçi-Köprüsü-1973";
		// A user of this test's own, with the demo's Ayşe's methods: the demo's Ayşe keeps her password.
		String ayse = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("ayse.yilmaz@posta.example")
				.answersLike("ayse@contoso.example").create();
		try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
				.setLocale("tr-TR").setViewportSize(390, 844))) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/reset"));
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo("tr");
			identify(page, ayse, "tr-01-identify");

			page.waitForURL("**/reset/method");
			shot(page, "tr-02-method");
			page.check("#method-email");
			page.click("button.primary");

			page.waitForURL("**/reset/verify");
			shot(page, "tr-03-confirm-email");
			page.fill("#destination", "ayse.yilmaz@posta.example");
			page.click("button.primary");
			page.waitForSelector("#code");
			shot(page, "tr-04-enter-code");
			page.fill("#code", lastCode());
			page.click("button.primary");

			page.waitForURL("**/reset/method");
			page.check("#method-security-questions");
			page.click("button.primary");
			page.waitForSelector("#answer-0");
			Locator labels = page.locator("label[for^=answer-]");
			for (int i = 0; i < labels.count(); i++) {
				page.fill("#answer-" + i, answerFor("ayse@contoso.example", labels.nth(i).innerText(), Locale.forLanguageTag("tr")));
			}
			shot(page, "tr-05-questions");
			page.click("button.primary");

			page.waitForURL("**/reset/password");
			page.fill("#newPassword", "parola");
			page.fill("#confirmPassword", "parola");
			page.click("button.primary");
			page.waitForSelector("#newPassword-error");
			shot(page, "tr-06-password-rules");
			page.fill("#newPassword", password);
			page.fill("#confirmPassword", password);
			page.check("#show-password");
			assertThat(page.getAttribute("#newPassword", "type")).isEqualTo("text");
			page.click("button.primary");

			page.waitForURL("**/reset/done");
			shot(page, "tr-07-done");
			assertThat(page.locator("h1").innerText()).isEqualTo(messages.getMessage("reset.done.reset.heading", null,
					Locale.forLanguageTag("tr")));
			assertThat(errors).isEmpty();
		}
		assertThat(directory.passwordMatches(ayse, password)).isTrue();
	}

	@Test
	void whenLatvianUserResetsWithAuthenticatorAppThenPasswordChanges() {
		String janis = dev.sspr.TestUsers.in(jdbc).fabrikam().withDemoAuthenticatorApp(apps).create();
		String password = "Daugava-Rīga-Jūrmala-7";
		try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
				.setLocale("en-US").setViewportSize(1280, 900))) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			// The browser says English; ?mkt=lv-LV overrides it for the whole flow.
			page.navigate(url("/reset?mkt=lv-LV"));
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo("lv");
			identify(page, janis, "lv-01-identify");

			page.waitForURL("**/reset/method");
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo("lv");
			shot(page, "lv-02-method");
			page.check("#method-app-code");
			page.click("button.primary");
			page.waitForSelector("#code");
			page.fill("#code", "12345678");
			page.click("button.primary");
			page.waitForSelector("#code-error");
			shot(page, "lv-03-app-code-error");
			page.fill("#code", MockJourney.appCode(clock.instant()));
			page.click("button.primary");

			page.waitForURL("**/reset/password");
			shot(page, "lv-04-password");
			page.fill("#newPassword", password);
			page.fill("#confirmPassword", password);
			page.click("button.primary");
			page.waitForURL("**/reset/done");
			shot(page, "lv-05-done");
			assertThat(page.locator("h1").innerText()).isEqualTo(messages.getMessage("reset.done.reset.heading", null,
					Locale.forLanguageTag("lv")));
			assertThat(errors).isEmpty();
		}
		assertThat(directory.passwordMatches(janis, password)).isTrue();
		assertThat(directory.passwordMatches(janis, DemoUsers.FABRIKAM_PASSWORD)).isFalse();
	}

	@Test
	void whenRefusedUserTriesInEnglishThenContactAdministratorPage() {
		try (BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
				.setLocale("en-GB"))) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/reset"));
			identify(page, "lena@contoso.example", "en-01-identify");
			page.waitForURL("**/reset/contact-admin");
			shot(page, "en-02-contact-admin");
			assertThat(page.locator("h1").innerText()).isEqualTo("Contact your administrator");
			assertThat(page.locator(".helpdesk").innerText()).contains("helpdesk@contoso.example");
			assertThat(errors).isEmpty();
		}
	}

	@Test
	void whenACodeIsWrongThenTheAddressIsTheVerifyPageSoReloadAndBackDoNotPostAgain() {
		String email = "browser.back@pasts.example";
		String userId = TestUsers.in(jdbc).fabrikam().withEmail(email).create();
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			startReset(page, userId);
			page.waitForURL("**/reset/method");
			page.check("#method-email");
			page.click("button.primary");
			page.waitForURL("**/reset/verify");
			page.fill("#destination", email);
			page.click("button.primary");
			page.waitForSelector("#code");
			String wrong = lastCode().equals("00000000") ? "11111111" : "00000000";
			page.fill("#code", wrong);
			page.click("button.primary");
			page.waitForSelector("#code-error");
			shot(page, "en-prg-wrong-code");

			// Post/redirect/get: the address is the step's page, so reload and back are plain GETs.
			assertThat(page.url()).isEqualTo(url("/reset/verify"));
			Response reloaded = page.reload();
			assertThat(reloaded.status()).isEqualTo(200);
			assertThat(page.url()).isEqualTo(url("/reset/verify"));
			assertThat(page.locator("#code").count()).isEqualTo(1);
			assertThat(page.locator("#code-error").count()).as("the message is shown once").isZero();
			Response back = page.goBack();
			assertThat(back == null ? 200 : back.status()).isEqualTo(200);
			assertThat(page.url()).isEqualTo(url("/reset/verify"));

			// An address that only takes posts opens the step that is due instead of a 405 page.
			Response opened = page.navigate(url("/reset/verify/code"));
			assertThat(opened.status()).isEqualTo(200);
			assertThat(page.url()).isEqualTo(url("/reset/verify"));
			assertThat(page.locator("#code").count()).isEqualTo(1);
			assertThat(errors).isEmpty();
		}
	}

	private void identify(Page page, String userId, String screenshot) {
		page.fill("#userId", userId);
		Browser.solveCaptcha(page);
		assertThat(page.locator("altcha-widget .altcha").getAttribute("data-state")).isEqualTo("verified");
		shot(page, screenshot);
		page.click("button.primary");
	}

	private String answerFor(String userId, String question, Locale locale) {
		for (Map.Entry<String, String> answer : DemoUsers.ANSWERS.get(userId).entrySet()) {
			if (messages.getMessage("question.predefined." + answer.getKey(), null, locale).equals(question.strip())) {
				return answer.getValue();
			}
		}
		throw new IllegalStateException("unexpected question: " + question);
	}

	private String lastCode() {
		return Browser.lastCode(outbox);
	}
}
