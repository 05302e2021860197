package dev.sspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.sspr.PortalTest;
import dev.sspr.directory.ldap.EmbeddedLdapServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R-42 against the embedded directory: users added, changed and removed there are created, updated
 * and disabled here; what users registered in the portal stays; a run that cannot read the
 * directory changes nothing and says why.
 */
@PortalTest
class DirectorySyncTests {

	static final String PEOPLE = "ou=people,dc=fabrikam,dc=example";

	@Autowired
	DirectorySync sync;

	@Autowired
	Directory directory;

	@Autowired
	EmbeddedLdapServer ldap;

	@Autowired
	JdbcClient jdbc;

	InMemoryDirectoryServer server() {
		return ldap.server();
	}

	@Test
	void whenTheDirectoryChangesThenTheNextRunCreatesUpdatesAndDisables() throws Exception {
		server().add(new Entry("uid=kaspars," + PEOPLE, new Attribute("objectClass", "inetOrgPerson"),
				new Attribute("uid", "kaspars"), new Attribute("cn", "Kaspars Bērziņš"), new Attribute("sn", "Bērziņš"),
				new Attribute("givenName", "Kaspars"), new Attribute("mail", "Kaspars@Fabrikam.example"),
				new Attribute("mobile", "+371 2000 0099"), new Attribute("telephoneNumber", "+371 6700 0099"),
				new Attribute("userPassword", "Kaspars-Pass-1")));
		server().modify("cn=Finance,ou=groups,dc=fabrikam,dc=example",
				new Modification(ModificationType.ADD, "member", "uid=kaspars," + PEOPLE));
		DirectorySync.SyncRun created = sync.syncNow();
		assertThat(created.success()).isTrue();
		assertThat(created.created()).isEqualTo(1);
		UserAccount kaspars = directory.findUser("kaspars@fabrikam.example").orElseThrow();
		assertThat(kaspars.tenantId()).isEqualTo(sync.tenantId().orElseThrow());
		assertThat(kaspars.passwordSource()).isEqualTo(PasswordSource.PASSWORD_HASH_SYNC);
		assertThat(kaspars.displayName()).isEqualTo("Kaspars Bērziņš");
		assertThat(kaspars.mobilePhone()).isEqualTo("+371 2000 0099");
		assertThat(kaspars.officePhone()).isEqualTo("+371 6700 0099");
		assertThat(kaspars.groups()).containsExactly("Finance");
		assertThat(kaspars.locked()).isFalse();

		// What the user registered in the portal is theirs, not the directory's.
		directory.setAuthenticationEmail(kaspars.id(), "kaspars@personal.example");
		server().modify("uid=kaspars," + PEOPLE, new Modification(ModificationType.REPLACE, "mobile", "+371 2000 0100"),
				new Modification(ModificationType.REPLACE, "cn", "Kaspars B."),
				new Modification(ModificationType.ADD, "pwdAccountLockedTime", "20261123000000Z"));
		DirectorySync.SyncRun updated = sync.syncNow();
		assertThat(updated.updated()).isEqualTo(1);
		assertThat(updated.created()).isZero();
		UserAccount changed = directory.findUser("kaspars@fabrikam.example").orElseThrow();
		assertThat(changed.mobilePhone()).isEqualTo("+371 2000 0100");
		assertThat(changed.displayName()).isEqualTo("Kaspars B.");
		assertThat(changed.locked()).isTrue();
		assertThat(changed.authEmail()).isEqualTo("kaspars@personal.example");

		assertThat(sync.syncNow().updated()).as("nothing changed, nothing updated").isZero();

		server().delete("uid=kaspars," + PEOPLE);
		DirectorySync.SyncRun removed = sync.syncNow();
		assertThat(removed.disabled()).isEqualTo(1);
		UserAccount gone = directory.findUser("kaspars@fabrikam.example").orElseThrow();
		assertThat(gone.enabled()).isFalse();
		assertThat(gone.securityStamp()).isGreaterThan(changed.securityStamp());
		server().modify("cn=Finance,ou=groups,dc=fabrikam,dc=example",
				new Modification(ModificationType.DELETE, "member", "uid=kaspars," + PEOPLE));
	}

	@Test
	void whenAnEntryIsOutsideTheTenantsDomainsThenItIsSkipped() throws Exception {
		server().add(new Entry("uid=stranger," + PEOPLE, new Attribute("objectClass", "inetOrgPerson"),
				new Attribute("uid", "stranger"), new Attribute("cn", "Stranger"), new Attribute("sn", "Stranger"),
				new Attribute("mail", "stranger@contoso.example")));
		try {
			assertThat(sync.syncNow().skipped()).isEqualTo(1);
			assertThat(directory.findUser("stranger@contoso.example")).isEmpty();
		}
		finally {
			server().delete("uid=stranger," + PEOPLE);
		}
	}

	@Test
	void whenTheDirectoryCannotBeReadThenTheRunFailsAndNothingChanges() throws Exception {
		sync.syncNow();
		long users = jdbc.sql("select count(*) from directory_user where enabled = true").query(Long.class).single();
		server().shutDown(true);
		try {
			DirectorySync.SyncRun failed = sync.syncNow();
			assertThat(failed.success()).isFalse();
			assertThat(failed.error()).contains("directory");
			assertThat(jdbc.sql("select count(*) from directory_user where enabled = true").query(Long.class).single())
					.isEqualTo(users);
			assertThat(sync.lastRun(sync.tenantId().orElseThrow())).get()
					.satisfies(run -> assertThat(run.success()).isFalse());
		}
		finally {
			server().startListening();
		}
		assertThat(sync.syncNow().success()).isTrue();
		assertThat(directory.findUser("liga@fabrikam.example")).get().satisfies(u -> assertThat(u.enabled()).isTrue());
	}
}
