package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import dev.sspr.VirtualAuthenticator;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.Directory;
import dev.sspr.passkey.Passkey;
import dev.sspr.passkey.Passkeys;
import dev.sspr.throttle.Throttle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A passkey's whole life in Chromium, on a phone-sized screen, in English, Turkish and Latvian: added on
 * the security-info page (the virtual authenticator creates it), used to sign in without a password,
 * used with an email code to reset the password, its answer replayed from another browser and refused,
 * and deleted. The device is Chromium's virtual authenticator (DevTools protocol); always on
 * {@code http://localhost}, since Chromium refuses passkeys on an IP address.
 */
class PasskeyJourneyBrowserTests extends BrowserTestSupport {

	static final String NEW_PASSWORD = "Kalns#Upe-2026-Rits";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	@Autowired
	Directory directory;

	@Autowired
	DevOutbox outbox;

	@Autowired
	Throttle throttle;

	@Autowired
	MessageSource messages;

	@BeforeEach
	void cleanSlate() {
		throttle.clearAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "tr", "lv" })
	void whenAPasskeyIsAddedThenItSignsInResetsAndIsDeletedAndAReplayIsRefused(String language) {
		String email = "journey-" + language + "@personal.example";
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail(email).create();
		long pk = directory.findUser(userId).orElseThrow().id();
		String name = "Telefon " + language;
		AtomicReference<String> answered = new AtomicReference<>();
		try (BrowserContext context = newContext(language, 320, 800)) {
			List<String> problems = watchProblems(context);
			context.onRequest(request -> {
				if ("POST".equals(request.method()) && request.url().endsWith("/reset/verify/passkey")) {
					answered.set(request.postData());
				}
			});
			Page page = context.newPage();
			page.navigate(localhostUrl("/sign-in"));
			VirtualAuthenticator device = VirtualAuthenticator.on(page);
			page.fill("#userId", userId);
			page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
			page.click("button.primary");
			page.waitForURL("**/security-info**");

			// Added: the device creates a discoverable passkey for this account.
			page.navigate(localhostUrl("/security-info/passkeys/new"));
			assertThat(page.locator("h1").innerText()).isEqualTo(message("registration.passkey.title", language));
			Browser.assertNoSidewaysScroll(page, language + " add a passkey at 320 px");
			assertThat(smallTargets(page)).as("add page").isEmpty();
			page.fill("#name", name);
			page.click("form[data-passkey] button.primary");
			page.waitForURL(localhostUrl("/security-info?passkeyAdded"));
			assertThat(page.locator("p.notice").first().innerText()).isEqualTo(message("registration.passkeys.added", language));
			assertThat(page.content()).contains(name);
			assertThat(passkeys.of(pk)).extracting(Passkey::name).containsExactly(name);
			assertThat(device.credentials()).isEqualTo(1);
			Browser.assertNoSidewaysScroll(page, language + " security info with a passkey at 320 px");
			assertThat(smallTargets(page)).as("security info with a passkey").isEmpty();
			shot(page, language + "-passkey-journey-01-added");

			// Signed out, then in again with the passkey alone.
			page.click("form[action='/sign-out'] button");
			page.waitForURL("**/sign-in?signedOut");
			page.click("form[data-passkey] button[type=submit]");
			page.waitForURL(localhostUrl("/security-info"));
			assertThat(page.locator("h1").innerText()).isEqualTo(message("registration.info.heading", language));

			// A reset: the passkey, then an email code (Contoso asks for two).
			startResetOnLocalhost(page, userId);
			page.check("#method-passkey");
			page.click("button.primary");
			page.waitForURL(localhostUrl("/reset/verify"));
			assertThat(page.locator("h1").innerText()).isEqualTo(message("method.passkey.heading", language));
			shot(page, language + "-passkey-journey-02-verify");
			page.click("form[data-passkey] button.primary");
			page.waitForURL(localhostUrl("/reset/method"));
			page.check("#method-email");
			page.click("button.primary");
			page.waitForURL(localhostUrl("/reset/verify"));
			page.fill("#destination", email);
			page.click("button.primary");
			page.waitForSelector("#code");
			page.fill("#code", Browser.lastCodeTo(outbox, email));
			page.click("button.primary");
			page.waitForURL(localhostUrl("/reset/password"));
			page.fill("#newPassword", NEW_PASSWORD);
			page.fill("#confirmPassword", NEW_PASSWORD);
			page.click("button.primary");
			page.waitForURL(localhostUrl("/reset/done"));
			assertThat(directory.passwordMatches(userId, NEW_PASSWORD)).isTrue();
			assertThat(answered.get()).as("the device's answer, as posted").contains("credentialId=");

			// That answer, posted again from another browser's reset of the same account: refused.
			try (BrowserContext other = newContext(language, 320, 800)) {
				Page thief = other.newPage();
				startResetOnLocalhost(thief, userId);
				thief.check("#method-passkey");
				thief.click("button.primary");
				thief.waitForURL(localhostUrl("/reset/verify"));
				thief.evaluate("""
						posted => {
						  const form = document.querySelector('form[data-passkey]');
						  for (const [name, value] of new URLSearchParams(posted)) {
						    const field = form.querySelector('input[type=hidden][name="' + name + '"]');
						    if (field && name !== '_csrf') { field.value = value; }
						  }
						  form.submit();
						}""", answered.get());
				thief.waitForURL(localhostUrl("/reset/verify"));
				thief.locator("#passkey-error").waitFor();
				assertThat(thief.locator("#passkey-error").innerText()).isEqualTo(message("reset.verify.passkey.wrong", language));
			}

			// The reset ended every session; the passkey signs in again, and deletes itself.
			page.navigate(localhostUrl("/sign-in"));
			page.click("form[data-passkey] button[type=submit]");
			page.waitForURL(localhostUrl("/security-info"));
			page.click("form[action$='/delete'][action*='/passkeys/'] button");
			page.waitForURL(localhostUrl("/security-info?passkeyRemoved"));
			assertThat(page.locator("p.notice").first().innerText()).isEqualTo(message("registration.passkeys.removed", language));
			assertThat(passkeys.count(pk)).isZero();
			assertThat(problems).isEmpty();
		}

		assertThat(TestUsers.failures(jdbc, userId)).as("the replayed answer counts as a wrong passkey").isEqualTo(1);
	}

	/** Identifies on the localhost start page; the caller waits for the page it expects. */
	private void startResetOnLocalhost(Page page, String userId) {
		page.navigate(localhostUrl("/reset"));
		page.fill("#userId", userId);
		Browser.solveCaptcha(page);
		page.click("button.primary");
		page.waitForURL(localhostUrl("/reset/method"));
	}


	private String message(String key, String language) {
		return messages.getMessage(key, null, Locale.forLanguageTag(language));
	}
}
