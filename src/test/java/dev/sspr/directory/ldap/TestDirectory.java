package dev.sspr.directory.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import dev.sspr.directory.PasswordSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Consumer;

/** An in-memory directory seeded from {@code ldap/writeback.ldif}, and the settings that point at it. */
final class TestDirectory implements AutoCloseable {

	static final String BASE_DN = "dc=example,dc=test";
	static final String BIND_DN = "cn=sspr,dc=example,dc=test";
	static final String BIND_PASSWORD = "service-secret";

	final InMemoryDirectoryServer server;

	TestDirectory(InMemoryOperationInterceptor interceptor, Consumer<InMemoryDirectoryServerConfig> customize)
			throws Exception {
		InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
		config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
		config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("test", InetAddress.getLoopbackAddress(), 0, null));
		config.setSchema(null);
		if (interceptor != null) {
			config.addInMemoryOperationInterceptor(interceptor);
		}
		customize.accept(config);
		server = new InMemoryDirectoryServer(config);
		try (LDIFReader ldif = new LDIFReader(TestDirectory.class.getResourceAsStream("/ldap/writeback.ldif"))) {
			server.importFromLDIF(true, ldif);
		}
		server.startListening();
	}

	int port() {
		return server.getListenPort();
	}

	LdapProperties properties(Dialect dialect) {
		// Generous: a busy machine must not turn a slow answer into a timeout or a "slow" state.
		return properties(dialect, "(objectClass=inetOrgPerson)", BIND_PASSWORD, Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

	LdapProperties properties(Dialect dialect, String userFilter, String bindPassword, Duration responseTimeout,
			Duration slowThreshold) {
		return new LdapProperties("ldap://127.0.0.1:" + port(), false, true, BIND_DN, bindPassword, BASE_DN, userFilter,
				"mail", "(objectClass=groupOfNames)", dialect, "example", PasswordSource.PASSWORD_HASH_SYNC,
				Duration.ofSeconds(30), responseTimeout, Duration.ZERO, slowThreshold, new LdapProperties.Embedded(false, null));
	}

	LdapDirectory directory(LdapProperties properties) {
		return new LdapDirectory(properties, null);
	}

	boolean binds(String uid, String password) {
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port())) {
			connection.bind("uid=" + uid + ",ou=people," + BASE_DN, password);
			return true;
		}
		catch (LDAPException ex) {
			return false;
		}
	}

	String attribute(String uid, String attribute) throws LDAPException {
		return server.getEntry("uid=" + uid + ",ou=people," + BASE_DN).getAttributeValue(attribute);
	}

	@Override
	public void close() {
		server.shutDown(true);
	}
}
