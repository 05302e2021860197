package dev.sspr.reset;

import dev.sspr.TestLdapUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A locked on-premises user of the test's own in the embedded directory, synchronized in, removed after. */
abstract class OnPremisesUserSupport extends OnPremisesTestSupport {

	String dn;
	String userId;

	/** The user's mobile number (a reset by text goes there). */
	abstract String mobile();

	@BeforeEach
	void ownOnPremisesUser() throws Exception {
		dn = TestLdapUsers.add(ldap.server(), true, mobile(), null);
		userId = TestLdapUsers.userId(dn);
		sync.syncNow();
	}

	@AfterEach
	void removeOwnOnPremisesUser() throws Exception {
		TestLdapUsers.remove(ldap.server(), dn);
		sync.syncNow();
	}
}
