package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.Axe;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.Directory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R-24 in a browser: a Contoso user who last confirmed their security info 200 days ago (Contoso asks
 * every 180) signs in, is asked whether it is still right, and either says yes or changes it.
 */
class ReconfirmBrowserTests extends BrowserTestSupport {

	static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	DevOutbox outbox;

	@Autowired
	MessageSource messages;

	String confirmed200DaysAgo() {
		int n = NEXT.incrementAndGet();
		return TestUsers.in(jdbc).contoso().withRegisteredEmail("rosa" + n + "@home.example")
				.withMobile("+1 555 080 " + String.format("%04d", n))
				.confirmedAt(clock.instant().minus(Duration.ofDays(200))).create();
	}

	String message(String key, String language) {
		return messages.getMessage(key, null, Locale.forLanguageTag(language));
	}

	/** Signs in on a page opened in this language ({@code ?mkt=}, which sticks) and waits for the question. */
	void signInAndGetAsked(Page page, String user, String language) {
		page.navigate(url("/sign-in?mkt=" + language));
		page.fill("#userId", user);
		page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
		page.click("button.primary");
		page.waitForURL("**/security-info?confirm");
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
		assertThat(page.locator(".reconfirm p").innerText()).isEqualTo(message("registration.prompt.confirm", language));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "tr", "lv" })
	void whenConfirmedLongerAgoThanTheIntervalThenAskedAndLooksGoodLeadsToTheSecurityInfoPage(String language) {
		String user = confirmed200DaysAgo();
		Instant before = clock.instant();
		// The browser says English: the language comes from ?mkt.
		try (BrowserContext context = newContext("en-US", 1024, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			signInAndGetAsked(page, user, language);
			assertThat(Axe.violations(page)).isEmpty();
			shot(page, "reconfirm-" + language + "-01-asked");

			page.click(".reconfirm button.primary");
			page.waitForURL("**/security-info");

			assertThat(page.locator("h1").innerText()).isEqualTo(message("registration.info.heading", language));
			assertThat(page.locator(".reconfirm").count()).isZero();
			shot(page, "reconfirm-" + language + "-02-confirmed");
			assertThat(errors).isEmpty();
		}
		assertThat(directory.findUser(user).orElseThrow().securityInfoConfirmedAt()).isBetween(before, clock.instant());
	}

	@Test
	void whenChangeMyInfoChosenThenTheInfoIsEditedAndSavingConfirmsIt() {
		String user = confirmed200DaysAgo();
		try (BrowserContext context = newContext("lv-LV", 1024, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			signInAndGetAsked(page, user, "lv");

			page.click(".reconfirm button.secondary");
			page.waitForURL("**/security-info?review");
			assertThat(page.locator(".reconfirm").count()).isZero();
			assertThat(page.locator("p.notice").first().innerText()).isEqualTo(message("registration.prompt.reviewing", "lv"));
			shot(page, "reconfirm-lv-03-change");

			page.click("a[href='/security-info/email']");
			page.fill("#destination", "rosa.jauna@pasts.example");
			page.click("button.primary");
			page.waitForURL("**/security-info/email/verify");
			page.fill("#code", Browser.lastCode(outbox));
			Instant now;
			try (var still = clock.standStill()) {
				now = clock.instant();
				page.click("button.primary");
				page.waitForURL("**/security-info?saved");
			}
			assertThat(page.locator(".reconfirm").count()).isZero();
			assertThat(directory.findUser(user).orElseThrow().securityInfoConfirmedAt())
					.isCloseTo(now, within(1, ChronoUnit.MILLIS));

			page.click("form[action='/sign-out'] button");
			page.waitForURL("**/sign-in?signedOut");
			page.fill("#userId", user);
			page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
			page.click("button.primary");
			page.waitForURL("**/security-info");
			assertThat(page.locator(".reconfirm").count()).isZero();
			assertThat(errors).isEmpty();
		}
	}
}
