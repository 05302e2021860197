package dev.sspr.reset;

import dev.sspr.directory.Directory;
import dev.sspr.directory.DirectorySync;
import dev.sspr.directory.ldap.EmbeddedLdapServer;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests of on-premises users: the embedded directory, its synchronization and the portal's directory. */
abstract class OnPremisesTestSupport extends ResetWebTestSupport {

	@Autowired
	EmbeddedLdapServer ldap;

	@Autowired
	DirectorySync sync;

	@Autowired
	Directory directory;
}
