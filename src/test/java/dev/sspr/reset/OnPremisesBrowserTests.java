package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestLdapUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.DirectorySync;
import dev.sspr.directory.ldap.EmbeddedLdapServer;
import dev.sspr.throttle.Throttle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The done-when of the on-premises issue in a real browser: Līga, locked out of Fabrikam's
 * directory, resets and unlocks in Latvian with a text message code, and can then bind to the
 * directory with the new password; Fabrikam's administrator sees writeback working.
 */
class OnPremisesBrowserTests extends BrowserTestSupport {

	static final String NEW_PASSWORD = "Daugava-Saule-2026!";

	@Autowired
	EmbeddedLdapServer ldap;

	@Autowired
	DirectorySync sync;

	@Autowired
	DevOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	/** A locked on-premises user of this test's own, like the demo's Līga. */
	String ligaDn;

	@BeforeEach
	void ownUser() throws Exception {
		ligaDn = TestLdapUsers.add(ldap.server(), true, "+371 2000 0011", "+371 6700 0011");
		sync.syncNow();
	}

	@AfterEach
	void removeOwnUser() throws Exception {
		TestLdapUsers.remove(ldap.server(), ligaDn);
		sync.syncNow();
	}

	boolean binds(String password) {
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", ldap.port())) {
			connection.bind(ligaDn, password);
			return true;
		}
		catch (LDAPException ex) {
			return false;
		}
	}

	@Test
	void whenALockedOnPremisesUserResetsInTheBrowserThenSheCanBindWithTheNewPassword() {
		CleanSlate.restore(jdbc, throttle, outbox);
		assertThat(binds("Fabrikam#OnPrem-2026")).as("locked before").isFalse();
		try (BrowserContext context = newContext("lv-LV", 390, 844)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			startReset(page, TestLdapUsers.userId(ligaDn));
			page.waitForURL("**/reset/method");
			page.check("#method-mobile-sms");
			page.click("button.primary");
			page.waitForURL("**/reset/verify");
			page.fill("#destination", "+371 2000 0011");
			page.click("button.primary");
			page.waitForSelector("#code");
			page.fill("#code", Browser.lastCode(outbox));
			page.click("button.primary");
			page.waitForURL("**/reset/password");
			assertThat(page.locator("form.unlock-only").isVisible()).isTrue();
			shot(page, "onprem-lv-password");
			page.fill("#newPassword", NEW_PASSWORD);
			page.fill("#confirmPassword", NEW_PASSWORD);
			page.click("form:not(.unlock-only) button.primary");
			page.waitForURL("**/reset/done");
			shot(page, "onprem-lv-done");
			assertThat(errors).isEmpty();
		}
		assertThat(binds(NEW_PASSWORD)).isTrue();
		assertThat(binds("Fabrikam#OnPrem-2026")).isFalse();
	}

	@Test
	void whenFabrikamsAdministratorLooksThenWritebackIsWorkingAndSyncRunsFromTheConsole() {
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/admin/sign-in"));
			page.fill("#userId", "edgars@fabrikam.example");
			page.fill("#password", DemoUsers.FABRIKAM_PASSWORD);
			page.click("button.primary");
			page.waitForURL("**/admin");
			page.navigate(url("/admin/policy"));
			assertThat(page.locator("#on-premises").textContent()).contains("Working");
			page.click("button[formaction='/admin/directory/sync']");
			page.waitForURL("**/admin/policy?synced*");
			page.locator("#on-premises").scrollIntoViewIfNeeded();
			shot(page, "onprem-en-admin-status");
			assertThat(page.locator("#on-premises").textContent()).contains("The directory was synchronized.");
			assertThat(errors).isEmpty();
		}
	}
}
