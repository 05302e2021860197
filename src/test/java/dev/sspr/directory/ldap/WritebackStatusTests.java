package dev.sspr.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.directory.PasswordSource;
import dev.sspr.directory.ldap.WritebackStatus.State;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each of the six messages of R-40 comes from a real check against a directory, not from a setting. */
class WritebackStatusTests {

	private TestDirectory directory;

	@AfterEach
	void stop() {
		if (directory != null) {
			directory.close();
		}
	}

	State check(LdapProperties properties) {
		return new WritebackStatus(new LdapDirectory(properties, null), new dev.sspr.TestClock()).check().state();
	}

	TestDirectory directory() throws Exception {
		directory = new TestDirectory(null, config -> {
		});
		return directory;
	}

	@Test
	void whenEverythingAnswersQuicklyThenWorking() throws Exception {
		assertThat(check(directory().properties(Dialect.OPENLDAP))).isEqualTo(State.WORKING);
	}

	@Test
	void whenTheDirectoryLacksThePasswordModifyOperationThenOutdated() throws Exception {
		directory = new TestDirectory(null, config -> config.getExtendedOperationHandlers().clear());
		assertThat(check(directory.properties(Dialect.OPENLDAP))).isEqualTo(State.OUTDATED);
	}

	@Test
	void whenNoUserMatchesTheFilterThenCannotCheck() throws Exception {
		assertThat(check(directory().properties(Dialect.OPENLDAP, "(objectClass=nobodyHere)", TestDirectory.BIND_PASSWORD,
				Duration.ofSeconds(30), Duration.ofSeconds(30)))).isEqualTo(State.CANNOT_CHECK);
	}

	@Test
	void whenNothingListensThenCannotConnect() throws Exception {
		LdapProperties properties = directory().properties(Dialect.OPENLDAP);
		directory.server.shutDown(true);
		assertThat(check(properties)).isEqualTo(State.CANNOT_CONNECT);
	}

	@Test
	void whenTheServiceAccountsPasswordIsWrongOrTheDialectDoesNotMatchThenNotConfigured() throws Exception {
		TestDirectory test = directory();
		assertThat(check(test.properties(Dialect.OPENLDAP, "(objectClass=inetOrgPerson)", "wrong", Duration.ofSeconds(30),
				Duration.ofSeconds(30)))).isEqualTo(State.NOT_CONFIGURED);
		// An OpenLDAP-style server is not Active Directory.
		assertThat(check(test.properties(Dialect.ACTIVE_DIRECTORY))).isEqualTo(State.NOT_CONFIGURED);
		assertThat(check(new LdapProperties(null, false, false, null, null, null, "(objectClass=*)", "mail",
				"(objectClass=*)", Dialect.OPENLDAP, null, PasswordSource.PASSWORD_HASH_SYNC, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), new LdapProperties.Embedded(false, null))))
				.isEqualTo(State.NOT_CONFIGURED);
	}

	@Test
	void whenTheChecksTakeLongerThanTheThresholdThenTemporaryProblem() throws Exception {
		assertThat(check(directory().properties(Dialect.OPENLDAP, "(objectClass=inetOrgPerson)", TestDirectory.BIND_PASSWORD,
				Duration.ofSeconds(30), Duration.ZERO))).isEqualTo(State.TEMPORARY_PROBLEM);
	}
}
