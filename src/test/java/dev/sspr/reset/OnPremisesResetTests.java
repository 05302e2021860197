package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.sspr.directory.Directory;
import dev.sspr.directory.DirectorySync;
import dev.sspr.directory.UserAccount;
import dev.sspr.directory.ldap.EmbeddedLdapServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Resets of on-premises users through the portal into the embedded directory: the new
 * password binds there and the old one does not, the lock is cleared; "unlock only" keeps the
 * password; with writeback off the user is sent to their administrator; a directory that goes away
 * mid-reset gives a clear message and leaves both sides as they were.
 */
@TestPropertySource(properties = "sspr.ldap.slow-threshold=5s")
class OnPremisesResetTests extends ResetWebTestSupport {

	static final String PASSWORD = "Fabrikam#OnPrem-2026";
	static final String LIGA = "uid=liga,ou=people,dc=fabrikam,dc=example";
	static final String ANDRIS = "uid=andris,ou=people,dc=fabrikam,dc=example";

	@Autowired
	EmbeddedLdapServer ldap;

	@Autowired
	DirectorySync sync;

	@Autowired
	Directory directory;

	InMemoryDirectoryServer server() {
		return ldap.server();
	}

	/** The demo directory's state for Līga (locked) and Andris, synchronized into the portal. */
	@BeforeEach
	void demoState() throws Exception {
		server().modify(LIGA, new Modification(ModificationType.REPLACE, "userPassword", PASSWORD),
				new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20261120083000Z"));
		server().modify(ANDRIS, new Modification(ModificationType.REPLACE, "userPassword", PASSWORD),
				new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20261121083000Z"));
		sync.syncNow();
	}

	@AfterEach
	void writebackBackOn() {
		jdbc.sql("update sspr_policy set writeback_enabled = true where tenant_id = (select id from tenant where name = 'fabrikam')")
				.update();
	}

	boolean binds(String dn, String password) {
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", ldap.port())) {
			connection.bind(dn, password);
			return true;
		}
		catch (LDAPException ex) {
			return false;
		}
	}

	MockJourney provedByText(String userId, String mobile) throws Exception {
		MockJourney journey = journey("lv-LV");
		assertThat(journey.identify(userId).getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		journey.chooseMethod("mobile-sms");
		journey.confirmDestination(mobile);
		assertThat(journey.enterCode(journey.lastCode()).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		return journey;
	}

	@Test
	void whenALockedOnPremisesUserResetsThenTheDirectoryHasTheNewPasswordAndNoLock() throws Exception {
		MockJourney journey = provedByText("liga@fabrikam.example", "+371 2000 0011");
		assertThat(journey.getPage("/reset/password").getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("unlockOnly");
		MvcResult done = journey.newPassword("Rīgas-Jūrmala-2026!", "Rīgas-Jūrmala-2026!");
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(binds(LIGA, "Rīgas-Jūrmala-2026!")).isTrue();
		assertThat(binds(LIGA, PASSWORD)).isFalse();
		assertThat(server().getEntry(LIGA).hasAttribute("pwdAccountLockedTime")).isFalse();
		UserAccount liga = directory.findUser("liga@fabrikam.example").orElseThrow();
		assertThat(liga.locked()).isFalse();
		// The new password signs her in to the security-info page too: sign-in binds to the directory.
		assertThat(directory.signIn("liga@fabrikam.example", "Rīgas-Jūrmala-2026!")).isPresent();
		assertThat(directory.signIn("liga@fabrikam.example", PASSWORD)).isEmpty();
	}

	@Test
	void whenALockedUserChoosesUnlockOnlyThenTheLockGoesAndThePasswordStays() throws Exception {
		MockJourney journey = provedByText("andris@fabrikam.example", "+371 2000 0012");
		assertThat(journey.unlockOnly().getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(server().getEntry(ANDRIS).hasAttribute("pwdAccountLockedTime")).isFalse();
		assertThat(binds(ANDRIS, PASSWORD)).isTrue();
		assertThat(directory.findUser("andris@fabrikam.example").orElseThrow().locked()).isFalse();
	}

	@Test
	void whenWritebackIsOffThenOnPremisesUsersAreSentToTheirAdministrator() throws Exception {
		jdbc.sql("update sspr_policy set writeback_enabled = false where tenant_id = (select id from tenant where name = 'fabrikam')")
				.update();
		assertThat(journey("en-US").identify("liga@fabrikam.example").getResponse().getRedirectedUrl())
				.isEqualTo("/reset/contact-admin");
	}

	@Test
	void whenTheDirectoryGoesAwayMidResetThenTheUserIsToldAndNothingChanged() throws Exception {
		MockJourney journey = provedByText("liga@fabrikam.example", "+371 2000 0011");
		UserAccount before = directory.findUser("liga@fabrikam.example").orElseThrow();
		server().shutDown(true);
		MvcResult refused;
		try {
			refused = journey.newPassword("Rīgas-Jūrmala-2026!", "Rīgas-Jūrmala-2026!");
		}
		finally {
			server().startListening();
		}
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		refused = journey.follow(refused);
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains(messageIn("lv", "reset.password.error.directory.unavailable"));
		assertThat(directory.findUser("liga@fabrikam.example").orElseThrow()).isEqualTo(before);
		assertThat(server().getEntry(LIGA).hasAttribute("pwdAccountLockedTime")).isTrue();
		server().modify(LIGA, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
		assertThat(binds(LIGA, PASSWORD)).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_record where subject = 'liga@fabrikam.example' and event_type = 'WRITE_FAILED'")
				.query(Long.class).single()).isPositive();
	}

	org.springframework.mock.web.MockHttpSession signIn(String userId, String password) throws Exception {
		MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/sign-in")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("userId", userId).param("password", password)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
	}

	MvcResult changePassword(org.springframework.mock.web.MockHttpSession session, String current, String next)
			throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/security-info/password")
				.session(session).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("currentPassword", current).param("newPassword", next).param("confirmPassword", next)).andReturn();
	}

	@Test
	void whenAnOnPremisesUserChangesTheirPasswordThenItIsWrittenBackOnlyWhileWritebackIsOn() throws Exception {
		server().modify(ANDRIS, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
		sync.syncNow();
		org.springframework.mock.web.MockHttpSession session = signIn("andris@fabrikam.example", PASSWORD);
		jdbc.sql("update sspr_policy set writeback_enabled = false where tenant_id = (select id from tenant where name = 'fabrikam')")
				.update();
		MvcResult refused = changePassword(session, PASSWORD, "Ventspils-Osta-2026!");
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("newPassword-error");
		assertThat(binds(ANDRIS, PASSWORD)).isTrue();
		writebackBackOn();
		assertThat(changePassword(session, PASSWORD, "Ventspils-Osta-2026!").getResponse().getRedirectedUrl())
				.contains("/security-info");
		assertThat(binds(ANDRIS, "Ventspils-Osta-2026!")).isTrue();
		assertThat(binds(ANDRIS, PASSWORD)).isFalse();
	}

	static String messageIn(String language, String key) throws Exception {
		java.util.Properties messages = new java.util.Properties();
		try (var in = OnPremisesResetTests.class.getResourceAsStream("/messages_" + language + ".properties")) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return org.springframework.web.util.HtmlUtils.htmlEscape(messages.getProperty(key).replace("''", "'"))
				.substring(0, 30);
	}
}
