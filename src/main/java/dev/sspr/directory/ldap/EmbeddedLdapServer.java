package dev.sspr.directory.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The embedded on-premises directory of the {@code dev} profile: an UnboundID in-memory server on a
 * free loopback port, seeded from an LDIF file, that locks accounts the way OpenLDAP's ppolicy does
 * (a bind to an entry with {@code pwdAccountLockedTime} fails). Everything is lost at shutdown.
 */
@Component
@Profile("dev")
@ConditionalOnProperty(name = "sspr.ldap.embedded.enabled", havingValue = "true")
public class EmbeddedLdapServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedLdapServer.class);

	private final InMemoryDirectoryServer server;
	private volatile Runnable observer = () -> {
	};

	EmbeddedLdapServer(LdapProperties properties, ResourceLoader resources) throws LDAPException, IOException {
		List<Entry> entries = new ArrayList<>();
		try (InputStream in = resources.getResource(properties.embedded().ldif()).getInputStream();
				LDIFReader reader = new LDIFReader(in)) {
			for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
				entries.add(entry);
			}
		}
		catch (com.unboundid.ldif.LDIFException ex) {
			throw new IllegalStateException("The embedded directory's LDIF is not valid", ex);
		}
		InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(entries.get(0).getDN());
		config.addAdditionalBindCredentials(properties.bindDn(), properties.bindPassword());
		config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", InetAddress.getLoopbackAddress(),
				properties.embedded().port(),
				null));
		// No schema: the demo entries carry ppolicy's operational attributes, which the default schema lacks.
		config.setSchema(null);
		config.addInMemoryOperationInterceptor(new LockedAccounts());
		server = new InMemoryDirectoryServer(config);
		server.addEntries(entries);
		server.startListening();
		log.info("Embedded LDAP directory ({} entries) listening on 127.0.0.1:{}", entries.size(), server.getListenPort());
	}

	public int port() {
		return server.getListenPort();
	}

	/** The server itself, for tests that change the directory under the portal. */
	public InMemoryDirectoryServer server() {
		return server;
	}

	/**
	 * Runs {@code observer} on the server's thread as each bind, search, modify or extended request
	 * arrives, before it is processed: tests look at the portal (its database pool, say) at that moment.
	 */
	public void observe(Runnable observer) {
		this.observer = observer == null ? () -> {
		} : observer;
	}

	@Override
	public void close() {
		server.shutDown(true);
	}

	/**
	 * ppolicy's lockout: an account with {@code pwdAccountLockedTime} cannot bind, whatever the password.
	 * Also tells the observer of each request.
	 */
	private final class LockedAccounts extends InMemoryOperationInterceptor {

		@Override
		public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
			observer.run();
		}

		@Override
		public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
			observer.run();
		}

		@Override
		public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
			observer.run();
		}

		@Override
		public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
			observer.run();
			String dn = request.getRequest().getBindDN();
			if (dn != null && !dn.isEmpty()) {
				Entry entry = server.getEntry(dn);
				if (entry != null && entry.hasAttribute(Dialect.LOCKED_TIME)) {
					throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "Account locked");
				}
			}
		}
	}
}
