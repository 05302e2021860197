package dev.sspr.directory.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The connection to the on-premises directory: TLS (LDAPS or StartTLS) unless explicitly allowed
 * otherwise, the service account's bind, timeouts on every operation, and look-ups with escaped
 * filters. Each operation opens its own connection: resets are rare, and a dead pool must never
 * hold a reset hostage.
 */
@Component
public class LdapDirectory {

	private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);
	private static final int PAGE_SIZE = 500;

	/** One user as the directory has them, for synchronization. */
	public record DirectoryUser(String externalId, String dn, String userId, String displayName, String givenName,
			String surname, String mail, String mobile, String officePhone, boolean enabled, boolean locked,
			Set<String> groups) {
	}

	private final LdapProperties properties;
	private final ObjectProvider<EmbeddedLdapServer> embedded;

	LdapDirectory(LdapProperties properties, ObjectProvider<EmbeddedLdapServer> embedded) {
		this.properties = properties;
		this.embedded = embedded;
		if (properties.embedded().enabled() && embedded.getIfAvailable() == null) {
			// The in-memory directory is a stand-in of the dev profile (S-25), never a production directory.
			throw new IllegalStateException("sspr.ldap.embedded.enabled works only in the dev profile; "
					+ "set sspr.ldap.url to the organization's directory instead");
		}
		if (properties.configured()) {
			check(properties);
		}
	}

	/** Refuses, at start-up, a configuration that would send passwords in clear text or nowhere. */
	static void check(LdapProperties properties) {
		if (properties.embedded().enabled()) {
			return;
		}
		String url = properties.url().strip().toLowerCase(Locale.ROOT);
		if (!url.startsWith("ldaps://") && !url.startsWith("ldap://")) {
			throw new IllegalStateException("sspr.ldap.url must start with ldaps:// or ldap://");
		}
		if (url.startsWith("ldap://") && !properties.startTls()) {
			if (!properties.allowInsecure()) {
				throw new IllegalStateException("sspr.ldap.url is plain ldap://: passwords would cross the network in "
						+ "clear text. Use ldaps://, or set sspr.ldap.start-tls=true, or (for a test directory only) "
						+ "sspr.ldap.allow-insecure=true");
			}
			log.warn("sspr.ldap.allow-insecure is set: passwords are written to {} WITHOUT encryption. "
					+ "Use this only with a test directory.", properties.url());
		}
		for (String[] required : new String[][] { { "base-dn", properties.baseDn() },
				{ "bind-dn", properties.bindDn() }, { "tenant", properties.tenant() } }) {
			if (required[1] == null || required[1].isBlank()) {
				throw new IllegalStateException("sspr.ldap." + required[0] + " must be set with sspr.ldap.url");
			}
		}
	}

	public boolean configured() {
		return properties.configured();
	}

	public LdapProperties properties() {
		return properties;
	}

	Dialect dialect() {
		return properties.dialect();
	}

	/** A connection bound as the service account. The caller closes it. */
	LDAPConnection serviceConnection() throws LDAPException {
		LDAPConnection connection = connect();
		try {
			connection.bind(properties.bindDn(), properties.bindPassword() == null ? "" : properties.bindPassword());
			return connection;
		}
		catch (LDAPException ex) {
			connection.close();
			throw ex;
		}
	}

	/** Whether this password is the user's, by a bind as the user (sign-in for on-premises users). */
	boolean bindAs(String dn, String password) {
		// An empty password would be an unauthenticated bind, which "succeeds" (RFC 4513 5.1.2).
		if (password == null || password.isEmpty()) {
			return false;
		}
		try (LDAPConnection connection = connect()) {
			connection.bind(dn, password);
			return true;
		}
		catch (LDAPException ex) {
			return false;
		}
	}

	/** The user's entry with the attributes the dialect needs, found by the portal's user ID. */
	Optional<Entry> findUser(LDAPConnection connection, String userId) throws LDAPException {
		Filter filter = Filter.createANDFilter(Filter.create(properties.userFilter()),
				Filter.createEqualityFilter(properties.userIdAttribute(), userId));
		SearchRequest request = new SearchRequest(properties.baseDn(), SearchScope.SUB, filter,
				dialect().entryAttributes());
		request.setSizeLimit(2);
		request.setTimeLimitSeconds(timeLimitSeconds());
		SearchResult result = connection.search(request);
		// Two entries for one user ID: writing to either could be the wrong person.
		return result.getEntryCount() == 1 ? Optional.of(result.getSearchEntries().get(0)) : Optional.empty();
	}

	/** Every user and their groups, page by page. Throws on any failure: a partial read must not be synced. */
	public List<DirectoryUser> readUsers() throws LDAPException {
		try (LDAPConnection connection = serviceConnection()) {
			Map<String, Set<String>> groupsByMember = new HashMap<>();
			for (SearchResultEntry group : search(connection, properties.groupFilter(), "cn", "member")) {
				String name = group.getAttributeValue("cn");
				String[] members = group.getAttributeValues("member");
				if (name == null || members == null) {
					continue;
				}
				for (String member : members) {
					groupsByMember.computeIfAbsent(normalize(member), k -> new LinkedHashSet<>()).add(name);
				}
			}
			List<String> attributes = new ArrayList<>(List.of(properties.userIdAttribute(), "displayName", "cn",
					"givenName", "sn", "mail", "mobile", "telephoneNumber"));
			attributes.addAll(List.of(dialect().stateAttributes()));
			List<DirectoryUser> users = new ArrayList<>();
			for (SearchResultEntry entry : search(connection, properties.userFilter(), attributes.toArray(String[]::new))) {
				String userId = entry.getAttributeValue(properties.userIdAttribute());
				String externalId = dialect().externalId(entry);
				if (userId == null || externalId == null) {
					continue;
				}
				String display = entry.getAttributeValue("displayName") != null ? entry.getAttributeValue("displayName")
						: entry.getAttributeValue("cn");
				users.add(new DirectoryUser(externalId, entry.getDN(), userId.strip().toLowerCase(Locale.ROOT),
						display == null ? userId : display, entry.getAttributeValue("givenName"), entry.getAttributeValue("sn"),
						entry.getAttributeValue("mail"), entry.getAttributeValue("mobile"),
						entry.getAttributeValue("telephoneNumber"), dialect().enabled(entry), dialect().locked(entry),
						groupsByMember.getOrDefault(normalize(entry.getDN()), Set.of())));
			}
			return users;
		}
	}

	private List<SearchResultEntry> search(LDAPConnection connection, String filter, String... attributes)
			throws LDAPException {
		List<SearchResultEntry> entries = new ArrayList<>();
		ASN1OctetString cookie = null;
		do {
			SearchRequest request = new SearchRequest(properties.baseDn(), SearchScope.SUB, Filter.create(filter), attributes);
			request.setTimeLimitSeconds(timeLimitSeconds());
			request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie));
			SearchResult result = connection.search(request);
			entries.addAll(result.getSearchEntries());
			SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
			cookie = paged == null || paged.getCookie().getValueLength() == 0 ? null : paged.getCookie();
		}
		while (cookie != null);
		return entries;
	}

	private LDAPConnection connect() throws LDAPException {
		LDAPConnectionOptions options = new LDAPConnectionOptions();
		options.setConnectTimeoutMillis(Math.toIntExact(properties.connectTimeout().toMillis()));
		options.setResponseTimeoutMillis(properties.responseTimeout().toMillis());
		options.setUseSynchronousMode(true);
		if (properties.embedded().enabled()) {
			EmbeddedLdapServer server = embedded.getObject();
			return new LDAPConnection(options, "127.0.0.1", server.port());
		}
		LDAPURL url = new LDAPURL(properties.url().strip());
		try {
			SSLUtil ssl = new SSLUtil();
			options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
			if ("ldaps".equalsIgnoreCase(url.getScheme())) {
				return new LDAPConnection(ssl.createSSLSocketFactory(), options, url.getHost(), url.getPort());
			}
			LDAPConnection connection = new LDAPConnection(options, url.getHost(), url.getPort());
			if (properties.startTls()) {
				SSLContext context = ssl.createSSLContext();
				ExtendedResult result = connection.processExtendedOperation(new StartTLSExtendedRequest(context));
				if (result.getResultCode() != ResultCode.SUCCESS) {
					connection.close();
					throw new LDAPException(result);
				}
			}
			return connection;
		}
		catch (GeneralSecurityException ex) {
			throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS could not be set up", ex);
		}
	}

	private int timeLimitSeconds() {
		return (int) Math.max(1, properties.responseTimeout().toSeconds());
	}

	private static String normalize(String dn) {
		try {
			return new DN(dn).toNormalizedString();
		}
		catch (LDAPException ex) {
			return dn.toLowerCase(Locale.ROOT);
		}
	}
}
