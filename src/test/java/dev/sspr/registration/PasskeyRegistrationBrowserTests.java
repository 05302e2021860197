package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import dev.sspr.directory.Directory;
import dev.sspr.passkey.Passkey;
import dev.sspr.passkey.Passkeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adding a passkey in Chromium with a virtual authenticator (the DevTools WebAuthn domain): passkey.js
 * reads the page's options, the device answers and the portal stores it. On http://localhost only:
 * Chromium refuses WebAuthn on an IP address.
 */
class PasskeyRegistrationBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Passkeys passkeys;

	private String localhost(String path) {
		return "http://localhost:" + port + path;
	}

	/** A platform authenticator that verifies its user without asking, for this page's browser tab. */
	private static void virtualAuthenticator(BrowserContext context, Page page) {
		CDPSession devTools = context.newCDPSession(page);
		devTools.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject arguments = new JsonObject();
		arguments.add("options", options);
		devTools.send("WebAuthn.addVirtualAuthenticator", arguments);
	}

	@Test
	void whenAPasskeyIsAddedInTheBrowserThenListedRenamedAndThePageFitsAPhone() {
		String user = TestUsers.in(jdbc).contoso().withEmail("browser.passkey@home.example").create();
		long pk = directory.findUser(user).orElseThrow().id();
		try (BrowserContext context = newContext("en-US", 320, 800)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			virtualAuthenticator(context, page);
			page.navigate(localhost("/sign-in"));
			page.fill("#userId", user);
			page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
			page.click("button.primary");
			page.waitForURL("**/security-info**");

			page.click("a[href='/security-info/passkeys/new']");
			page.waitForURL("**/security-info/passkeys/new");
			assertThat(smallTargets(page)).as("add page").isEmpty();
			Browser.assertNoSidewaysScroll(page, "add a passkey at 320 px");
			page.fill("#name", "Chromium laptop");
			page.click("form[data-passkey] button.primary");
			page.waitForURL("**/security-info?passkeyAdded");

			assertThat(passkeys.of(pk)).extracting(Passkey::name).containsExactly("Chromium laptop");
			long id = passkeys.of(pk).get(0).id();
			assertThat(page.content()).contains("Your passkey was added.");
			shot(page, "security-info-passkeys-320");
			assertThat(smallTargets(page)).as("security info with a passkey").isEmpty();
			Browser.assertNoSidewaysScroll(page, "security info with a passkey at 320 px");

			page.fill("#passkey-" + id + "-name", "Renamed laptop");
			page.click("form.passkey-rename button");
			page.waitForURL("**/security-info?passkeyRenamed");
			assertThat(passkeys.name(pk, id)).contains("Renamed laptop");

			// The same device again: the browser itself refuses (excludeCredentials), and the page says so.
			page.navigate(localhost("/security-info/passkeys/new"));
			page.fill("#name", "Second try");
			page.click("form[data-passkey] button.primary");
			page.waitForSelector("[data-passkey-error]:not([hidden])");
			assertThat(page.textContent("[data-passkey-error]")).contains("This device already has a passkey");
			assertThat(passkeys.count(pk)).isEqualTo(1);
			assertThat(errors).isEmpty();
		}
	}
}
