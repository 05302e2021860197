package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.TestGuests;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every kind of account of R-03 in a real browser, in English, Turkish and Latvian: a consumer
 * account and a guest from an outside organization are sent where their password lives; a Fabrikam
 * member who is a guest in Contoso resets under Fabrikam's policy by their guest name; a sign-up user
 * resets with one email code to the address they signed up with.
 */
class GuestBrowserTests extends BrowserTestSupport {

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

	@BeforeEach
	void cleanSlate() {
		CleanSlate.restore(jdbc, throttle, outbox);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "tr", "lv" })
	void whenEachKindOfGuestStartsAResetThenTheirPageOrTheirReset(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String password = "Kalns#Upe-2026-Rits";
		String member = TestUsers.in(jdbc).fabrikam().withEmail("home-" + language + "@pasts.example").create();
		TestGuests contoso = TestGuests.in(jdbc).contoso();
		String atHome = contoso.withAddress("guest-" + language + "-" + member).homeAt(member).create();
		String outside = TestGuests.in(jdbc).contoso().fromOrganization("Northwind Traders").create();
		String signUp = TestGuests.in(jdbc).contoso().signUp().create();
		try (BrowserContext context = newContext(language, 390, 844)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();

			start(page, language, "someone@outlook.com");
			page.waitForURL("**/reset/elsewhere");
			shot(page, language + "-guest-01-consumer");
			assertThat(page.locator("h1").innerText()).isEqualTo(message("reset.elsewhere.consumer.heading", locale));
			assertThat(page.locator("a.button").getAttribute("href")).isEqualTo("https://account.live.com/password/reset");

			start(page, language, outside);
			page.waitForURL("**/reset/elsewhere");
			shot(page, language + "-guest-02-outside");
			assertThat(page.locator("h1").innerText()).isEqualTo(message("reset.elsewhere.outside.heading", locale));
			assertThat(page.locator(".lead").innerText()).contains("Northwind Traders");

			start(page, language, contoso.userIdOf(atHome));
			resetWithEmail(page, "home-" + language + "@pasts.example", password, language + "-guest-03-home");
			assertThat(page.locator("h1").innerText()).isEqualTo(message("reset.done.reset.heading", locale));

			start(page, language, signUp);
			resetWithEmail(page, signUp, password, language + "-guest-04-signup");
			assertThat(page.locator("h1").innerText()).isEqualTo(message("reset.done.reset.heading", locale));
			assertThat(errors).isEmpty();
		}
		assertThat(directory.passwordMatches(member, password)).isTrue();
		assertThat(directory.passwordMatches(TestGuests.in(jdbc).contoso().userIdOf(signUp), password)).isTrue();
	}

	private void start(Page page, String language, String userId) {
		page.navigate(url("/reset?mkt=" + language));
		page.fill("#userId", userId);
		Browser.solveCaptcha(page);
		page.click("button.primary");
	}

	/** One email code (the only method, one required), then the new password. */
	private void resetWithEmail(Page page, String address, String password, String screenshot) {
		page.waitForURL("**/reset/method");
		shot(page, screenshot + "-method");
		assertThat(page.locator("input[name=method]").count()).isEqualTo(1);
		page.check("#method-email");
		page.click("button.primary");
		page.waitForURL("**/reset/verify");
		page.fill("#destination", address);
		page.click("button.primary");
		page.waitForSelector("#code");
		page.fill("#code", Browser.lastCode(outbox));
		page.click("button.primary");
		page.waitForURL("**/reset/password");
		page.fill("#newPassword", password);
		page.fill("#confirmPassword", password);
		page.click("button.primary");
		page.waitForURL("**/reset/done");
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
