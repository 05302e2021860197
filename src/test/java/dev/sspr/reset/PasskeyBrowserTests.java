package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoTenants;
import dev.sspr.TestUsers;
import dev.sspr.VirtualAuthenticator;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantBranding;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.PolicyUpdates;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.throttle.Throttle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reset proven with a passkey in Chromium, whose virtual authenticator (DevTools protocol) holds a
 * passkey registered for a test user: the only method in a tenant that asks for one, in English,
 * Turkish and Latvian; a device holding only another user's passkey answers nothing (not counted); a
 * device that fakes user verification is refused (counted). A passkey with an email code, where two
 * are required, is part of {@code PasskeyJourneyBrowserTests} in the three languages. Always on {@code http://localhost}: Chromium refuses passkeys on an IP address.
 */
class PasskeyBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "Kalns#Upe-2026-Rits";

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
	Passkeys passkeys;

	@Autowired
	PolicyUpdates policies;

	@Autowired
	TenantBranding branding;

	@BeforeEach
	void cleanSlate() {
		CleanSlate.restore(jdbc, throttle, outbox);
	}

	/** A passkey whose key the virtual authenticator can be given; its browser origin is any localhost port. */
	static SoftwareAuthenticator device() {
		return SoftwareAuthenticator.create("localhost", "http://localhost:8080");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "tr", "lv" })
	void whenAPasskeyIsTheOneMethodRequiredThenItAloneResetsThePassword(String language) {
		DemoTenants demoTenants = DemoTenants.remember(jdbc, policies, branding);
		try {
			enablePasskeysInFabrikam();
			SoftwareAuthenticator device = device();
			String userId = TestUsers.in(jdbc).fabrikam().withPasskey(passkeys, device).create();
			try (BrowserContext context = newContext(language, 390, 844)) {
				List<String> problems = watchProblems(context);
				Page page = context.newPage();
				VirtualAuthenticator authenticator = start(page, language, userId);
				authenticator.plant(device, "localhost");

				page.waitForURL(localhostUrl("/reset/method"));
				assertThat(page.locator("input[name=method]").count()).isEqualTo(1);
				usePasskey(page, language + "-passkey-01-alone");
				page.waitForURL(localhostUrl("/reset/password"));
				newPassword(page, language + "-passkey-01-alone");

				assertThat(page.locator("h1").innerText()).isEqualTo(message("reset.done.reset.heading", language));
				assertThat(problems).isEmpty();
			}
			assertThat(directory.passwordMatches(userId, PASSWORD)).isTrue();
			assertThat(signCount(device)).as("the browser's counter, stored").isEqualTo(1);
		}
		finally {
			demoTenants.restore();
		}
	}

	// One language each: the wording is checked in all three by the other case and PasskeyJourneyBrowserTests.
	@ParameterizedTest
	@ValueSource(strings = "lv")
	void whenTheDeviceHoldsOnlyAnotherUsersPasskeyThenNothingIsSentOrCounted(String language) {
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail("own-" + language + "@personal.example")
				.withPasskey(passkeys, device()).create();
		SoftwareAuthenticator stranger = device();
		TestUsers.in(jdbc).contoso().withRegisteredEmail("stranger-" + language + "@personal.example")
				.withPasskey(passkeys, stranger).create();
		try (BrowserContext context = newContext(language, 390, 844)) {
			List<String> problems = watchProblems(context);
			List<String> posted = new ArrayList<>();
			context.onRequest(request -> {
				if ("POST".equals(request.method()) && request.url().contains("/reset/verify/passkey")) {
					posted.add(request.url());
				}
			});
			Page page = context.newPage();
			start(page, language, userId).plant(stranger, "localhost");
			page.waitForURL(localhostUrl("/reset/method"));
			page.check("#method-passkey");
			page.click("button.primary");
			page.waitForURL(localhostUrl("/reset/verify"));

			page.click("form[data-passkey] button.primary");
			page.locator("#passkey-error").waitFor();
			shot(page, language + "-passkey-03-none");

			assertThat(page.locator("#passkey-error").innerText())
					.isEqualTo(message("reset.verify.passkey.cancelled", language));
			assertThat(page.url()).isEqualTo(localhostUrl("/reset/verify"));
			assertThat(page.locator("form[data-passkey] button.primary").isEnabled()).as("may try again").isTrue();
			Browser.assertNoSidewaysScroll(page, language + " verify page, no passkey used");
			assertThat(posted).as("nothing reaches the portal").isEmpty();
			assertThat(problems).isEmpty();
		}
		assertThat(TestUsers.failures(jdbc, userId)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = "tr")
	void whenTheDeviceDoesNotVerifyTheUserThenThePasskeyIsRefusedAndCounted(String language) {
		SoftwareAuthenticator device = device();
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail("unverified-" + language + "@personal.example")
				.withPasskey(passkeys, device).create();
		try (BrowserContext context = newContext(language, 390, 844)) {
			List<String> problems = watchProblems(context);
			Page page = context.newPage();
			start(page, language, userId).plant(device, "localhost").badUserVerification();
			page.waitForURL(localhostUrl("/reset/method"));
			page.check("#method-passkey");
			page.click("button.primary");
			page.waitForURL(localhostUrl("/reset/verify"));

			page.waitForResponse(response -> response.url().endsWith("/reset/verify/passkey"),
					() -> page.click("form[data-passkey] button.primary"));
			page.waitForLoadState(LoadState.LOAD);
			page.locator("#passkey-error").waitFor();
			shot(page, language + "-passkey-04-unverified");

			assertThat(page.url()).isEqualTo(localhostUrl("/reset/verify"));
			assertThat(page.locator("#passkey-error").innerText()).isEqualTo(message("reset.verify.passkey.wrong", language));
			assertThat(page.locator("form[data-passkey]").getAttribute("data-challenge")).as("a fresh challenge").isNotBlank();
			Browser.assertNoSidewaysScroll(page, language + " verify page, passkey refused");
			assertThat(problems).isEmpty();
		}
		assertThat(TestUsers.failures(jdbc, userId)).isEqualTo(1);
		assertThat(signCount(device)).as("a refused answer moves no counter").isZero();
		assertThat(directory.passwordMatches(userId, PASSWORD)).isFalse();
	}

	/** Fabrikam (one method required) with passkeys enabled; the caller restores the demo policy. */
	private void enablePasskeysInFabrikam() {
		long fabrikam = jdbc.sql("select id from tenant where name = 'fabrikam'").query(Long.class).single();
		PolicySettings current = policies.current(fabrikam);
		SsprPolicy policy = current.policy();
		assertThat(policy.methodsRequired()).isEqualTo(1);
		EnumSet<MethodKind> methods = policy.enabledMethods().isEmpty() ? EnumSet.noneOf(MethodKind.class)
				: EnumSet.copyOf(policy.enabledMethods());
		methods.add(MethodKind.PASSKEY);
		policies.save(fabrikam, new PolicySettings(new SsprPolicy(policy.scope(), policy.scopeGroup(), methods,
				policy.methodsRequired(), policy.questionsToRegister(), policy.questionsToReset(), policy.requireRegistration(),
				policy.reconfirmDays(), policy.notifyUsers(), policy.notifyAdmins(), policy.writebackEnabled(),
				policy.unlockWithoutReset(), policy.showRefusalReason(), policy.externalUsersReset()),
				current.customQuestions(), current.bannedTerms(), current.returnToOrigins()));
	}

	/** Identifies on the localhost start page and gives the page a virtual authenticator (empty yet). */
	private VirtualAuthenticator start(Page page, String language, String userId) {
		page.navigate(localhostUrl("/reset?mkt=" + language));
		VirtualAuthenticator authenticator = VirtualAuthenticator.on(page);
		page.fill("#userId", userId);
		Browser.solveCaptcha(page);
		page.click("button.primary");
		return authenticator;
	}

	/** Chooses the passkey, checks its page and lets the device answer. */
	private void usePasskey(Page page, String screenshot) {
		page.check("#method-passkey");
		page.click("button.primary");
		page.waitForURL(localhostUrl("/reset/verify"));
		assertThat(page.locator("form[data-passkey=get]").getAttribute("data-rp-id")).isEqualTo("localhost");
		assertThat(page.locator("form[data-passkey=get]").getAttribute("action")).isEqualTo("/reset/verify/passkey");
		assertThat(page.locator("#passkey-error").isVisible()).isFalse();
		Browser.assertNoSidewaysScroll(page, screenshot + " verify page");
		shot(page, screenshot + "-verify");
		page.click("form[data-passkey] button.primary");
	}

	private void newPassword(Page page, String screenshot) {
		page.fill("#newPassword", PASSWORD);
		page.fill("#confirmPassword", PASSWORD);
		page.click("button.primary");
		page.waitForURL(localhostUrl("/reset/done"));
		Browser.assertNoSidewaysScroll(page, screenshot + " done page");
		shot(page, screenshot + "-done");
	}


	private long signCount(SoftwareAuthenticator device) {
		return jdbc.sql("select sign_count from passkey_credential where credential_id = ?").param(device.credentialId())
				.query(Long.class).single();
	}

	private String message(String key, String language) {
		return messages.getMessage(key, null, Locale.forLanguageTag(language));
	}
}
