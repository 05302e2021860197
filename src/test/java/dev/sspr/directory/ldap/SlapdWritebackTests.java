package dev.sspr.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.sspr.SlapdAvailable;
import dev.sspr.SlapdServer;
import dev.sspr.directory.PasswordSource;
import dev.sspr.directory.PasswordWriteException;
import dev.sspr.directory.UserAccount;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenLDAP dialect against a real slapd with the ppolicy overlay (Debian's, started on a free
 * loopback port): writeback, unlock, ppolicy's refusals named for the user with nothing changed,
 * the users the sync reads, and the status check. Mandatory in CI.
 */
@SlapdAvailable
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlapdWritebackTests {

	private SlapdServer slapd;
	private LdapDirectory directory;
	private LdapPasswordWriter writer;

	@BeforeAll
	void start() throws Exception {
		slapd = SlapdServer.start();
		LdapProperties properties = new LdapProperties(slapd.url(), false, true, SlapdServer.SERVICE_DN,
				SlapdServer.SERVICE_PASSWORD, SlapdServer.BASE_DN, "(objectClass=inetOrgPerson)", "mail",
				"(objectClass=groupOfNames)", Dialect.OPENLDAP, "fabrikam", PasswordSource.PASSWORD_HASH_SYNC,
				// Generous deadlines: a busy machine must not turn a slow answer into a failure.
				Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(30),
				new LdapProperties.Embedded(false, null));
		directory = new LdapDirectory(properties, null);
		writer = new LdapPasswordWriter(directory);
	}

	@AfterAll
	void stop() {
		if (slapd != null) {
			slapd.close();
		}
	}

	static UserAccount user(String mail) {
		return new UserAccount(1, 1, mail, mail, null, null, mail, null, null, null, null, null, Set.of(), Set.of(), true,
				false, true, PasswordSource.PASSWORD_HASH_SYNC, 0, null);
	}

	boolean binds(String uid, String password) {
		return slapd.binds(uid, password);
	}

	boolean locked(String uid) throws LDAPException {
		try (LDAPConnection admin = slapd.adminConnection()) {
			return admin.getEntry(SlapdServer.userDn(uid), "pwdAccountLockedTime").hasAttribute("pwdAccountLockedTime");
		}
	}

	@Test
	void whenALockedUserResetsThenTheNewPasswordBindsTheOldDoesNotAndTheLockIsGone() throws Exception {
		slapd.addUser("erik", "erik@fabrikam.example", "Erik-Old-Password-1", true);
		writer.resetPassword(user("erik@fabrikam.example"), "Erik-New-Password-2");
		assertThat(locked("erik")).isFalse();
		assertThat(binds("erik", "Erik-New-Password-2")).isTrue();
		assertThat(binds("erik", "Erik-Old-Password-1")).isFalse();
		assertThat(writer.matches(user("erik@fabrikam.example"), "Erik-New-Password-2")).isTrue();
	}

	@Test
	void whenOnlyUnlockedThenTheOldPasswordBindsAgain() throws Exception {
		slapd.addUser("sofia", "sofia@fabrikam.example", "Sofia-Password-1", true);
		assertThat(binds("sofia", "Sofia-Password-1")).isFalse();
		writer.unlock(user("sofia@fabrikam.example"));
		assertThat(locked("sofia")).isFalse();
		assertThat(binds("sofia", "Sofia-Password-1")).isTrue();
	}

	@Test
	void whenThePasswordIsInHistoryThenTheUserIsToldAndTheAccountIsExactlyAsBefore() throws Exception {
		slapd.addUser("helga", "helga@fabrikam.example", "Helga-First-Pass-1", false);
		writer.resetPassword(user("helga@fabrikam.example"), "Helga-Second-Pass-2");
		try (LDAPConnection admin = slapd.adminConnection()) {
			admin.modify(SlapdServer.userDn("helga"), new com.unboundid.ldap.sdk.Modification(
					com.unboundid.ldap.sdk.ModificationType.ADD, "pwdAccountLockedTime", SlapdServer.LOCKED_TIME));
		}
		assertThatThrownBy(() -> writer.resetPassword(user("helga@fabrikam.example"), "Helga-First-Pass-1"))
				.isInstanceOf(PasswordWriteException.class)
				.extracting(e -> ((PasswordWriteException) e).messageKey())
				.isEqualTo("reset.password.error.directory.history");
		// Unlocked first, then refused: the lock is put back, so nothing is half done.
		assertThat(locked("helga")).isTrue();
		writer.unlock(user("helga@fabrikam.example"));
		assertThat(binds("helga", "Helga-Second-Pass-2")).isTrue();
	}

	@Test
	void whenThePasswordFailsQualityThenTheUserIsToldItIsTooSimple() throws Exception {
		slapd.addUser("ivo", "ivo@fabrikam.example", "Ivo-Password-1", false);
		assertThatThrownBy(() -> writer.resetPassword(user("ivo@fabrikam.example"), "short"))
				.extracting(e -> ((PasswordWriteException) e).messageKey())
				.isEqualTo("reset.password.error.directory.complexity");
		assertThat(binds("ivo", "Ivo-Password-1")).isTrue();
	}

	@Test
	void whenTheDirectoryIsReadThenUsersComeWithTheirGroupsLocksAndStableIds() throws Exception {
		slapd.addUser("olga", "olga@fabrikam.example", "Olga-Password-1", true);
		try (LDAPConnection admin = slapd.adminConnection()) {
			admin.add(new Entry("cn=Payroll," + SlapdServer.GROUPS_DN, new Attribute("objectClass", "groupOfNames"),
					new Attribute("cn", "Payroll"), new Attribute("member", SlapdServer.userDn("olga"))));
		}
		LdapDirectory.DirectoryUser olga = directory.readUsers().stream()
				.filter(u -> u.userId().equals("olga@fabrikam.example")).findFirst().orElseThrow();
		assertThat(olga.locked()).isTrue();
		assertThat(olga.enabled()).isTrue();
		assertThat(olga.groups()).containsExactly("Payroll");
		assertThat(olga.externalId()).matches("[0-9a-f-]{36}");
	}

	@Test
	void whenTheStatusIsCheckedThenSlapdWithPasswordModifyIsWorking() throws Exception {
		// The check reads one user: this test brings its own rather than rely on another having run first.
		slapd.addUser("tove", "tove@fabrikam.example", "Tove-Password-1", false);
		WritebackStatus.Report report = new WritebackStatus(directory, new dev.sspr.TestClock()).check();
		assertThat(report.state()).isEqualTo(WritebackStatus.State.WORKING);
		assertThat(report.latency()).isPositive();
	}
}
