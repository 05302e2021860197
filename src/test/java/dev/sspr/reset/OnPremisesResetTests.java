package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.sspr.TestLdapUsers;
import dev.sspr.directory.UserAccount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Resets of on-premises users through the portal into the embedded directory: the new
 * password binds there and the old one does not, the lock is cleared; "unlock only" keeps the
 * password; with writeback off the user is sent to their administrator; a directory that goes away
 * mid-reset gives a clear message and leaves both sides as they were.
 */
class OnPremisesResetTests extends OnPremisesTestSupport {

	static final String PASSWORD = "Fabrikam#OnPrem-2026";
	/** Locked on-premises users of this test's own, like the demo's Līga (with an office phone) and Andris. */
	String ligaDn;
	String andrisDn;
	String liga;
	String andris;

	InMemoryDirectoryServer server() {
		return ldap.server();
	}

	@BeforeEach
	void ownUsers() throws Exception {
		ligaDn = TestLdapUsers.add(server(), true, "+371 2000 0011", "+371 6700 0011");
		andrisDn = TestLdapUsers.add(server(), true, "+371 2000 0012", null);
		liga = TestLdapUsers.userId(ligaDn);
		andris = TestLdapUsers.userId(andrisDn);
		sync.syncNow();
	}

	@AfterEach
	void removeOwnUsers() throws Exception {
		writebackBackOn();
		TestLdapUsers.remove(server(), ligaDn);
		TestLdapUsers.remove(server(), andrisDn);
		sync.syncNow();
	}

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
		MockJourney journey = provedByText(liga, "+371 2000 0011");
		assertThat(journey.getPage("/reset/password").getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("unlockOnly");
		MvcResult done = journey.newPassword("Rīgas-Jūrmala-2026!", "Rīgas-Jūrmala-2026!");
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(binds(ligaDn, "Rīgas-Jūrmala-2026!")).isTrue();
		assertThat(binds(ligaDn, PASSWORD)).isFalse();
		assertThat(server().getEntry(ligaDn).hasAttribute("pwdAccountLockedTime")).isFalse();
		UserAccount account = directory.findUser(liga).orElseThrow();
		assertThat(account.locked()).isFalse();
		// The new password signs her in to the security-info page too: sign-in binds to the directory.
		assertThat(directory.signIn(liga, "Rīgas-Jūrmala-2026!")).isPresent();
		assertThat(directory.signIn(liga, PASSWORD)).isEmpty();
	}

	@Test
	void whenTheNewPasswordIsPostedSeveralTimesAtOnceThenTheDirectoryIsWrittenAndAuditedOnce() throws Exception {
		MockJourney journey = provedByText(liga, "+371 2000 0011");
		String flowId = journey.flow().id();

		List<MvcResult> results = DoubleSubmitTests.atOnce(i -> () -> journey.newPassword(DoubleSubmitTests.passwordNo(i),
				DoubleSubmitTests.passwordNo(i)));

		// The later posts wait for the first to finish (no connection held) and land on Done.
		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/reset/done"));
		assertThat(jdbc.sql("select count(*) from audit_record where flow_id = ? and event_type = 'PASSWORD_RESET'")
				.param(flowId).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select status from reset_completion where flow_id = ?").param(flowId).query(String.class)
				.single()).isEqualTo("DONE");
		long binding = java.util.stream.IntStream.range(0, DoubleSubmitTests.AT_ONCE)
				.filter(i -> binds(ligaDn, DoubleSubmitTests.passwordNo(i))).count();
		assertThat(binding).isEqualTo(1);
	}

	@Test
	void whenALockedUserChoosesUnlockOnlyThenTheLockGoesAndThePasswordStays() throws Exception {
		MockJourney journey = provedByText(andris, "+371 2000 0012");
		assertThat(journey.unlockOnly().getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(server().getEntry(andrisDn).hasAttribute("pwdAccountLockedTime")).isFalse();
		assertThat(binds(andrisDn, PASSWORD)).isTrue();
		assertThat(directory.findUser(andris).orElseThrow().locked()).isFalse();
	}

	@Test
	void whenWritebackIsOffThenOnPremisesUsersAreSentToTheirAdministrator() throws Exception {
		jdbc.sql("update sspr_policy set writeback_enabled = false where tenant_id = (select id from tenant where name = 'fabrikam')")
				.update();
		assertThat(journey("en-US").identify(liga).getResponse().getRedirectedUrl())
				.isEqualTo("/reset/contact-admin");
	}

	@Test
	void whenTheDirectoryGoesAwayMidResetThenTheUserIsToldAndNothingChanged() throws Exception {
		MockJourney journey = provedByText(liga, "+371 2000 0011");
		UserAccount before = directory.findUser(liga).orElseThrow();
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
		assertThat(directory.findUser(liga).orElseThrow()).isEqualTo(before);
		assertThat(server().getEntry(ligaDn).hasAttribute("pwdAccountLockedTime")).isTrue();
		server().modify(ligaDn, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
		assertThat(binds(ligaDn, PASSWORD)).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_record where subject = ? and event_type = 'WRITE_FAILED'").param(liga)
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
		server().modify(andrisDn, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
		sync.syncNow();
		org.springframework.mock.web.MockHttpSession session = signIn(andris, PASSWORD);
		jdbc.sql("update sspr_policy set writeback_enabled = false where tenant_id = (select id from tenant where name = 'fabrikam')")
				.update();
		MvcResult refused = changePassword(session, PASSWORD, "Ventspils-Osta-2026!");
		assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("newPassword-error");
		assertThat(binds(andrisDn, PASSWORD)).isTrue();
		writebackBackOn();
		assertThat(changePassword(session, PASSWORD, "Ventspils-Osta-2026!").getResponse().getRedirectedUrl())
				.contains("/security-info");
		assertThat(binds(andrisDn, "Ventspils-Osta-2026!")).isTrue();
		assertThat(binds(andrisDn, PASSWORD)).isFalse();
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
