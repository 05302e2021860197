package dev.sspr.directory.ldap;

import dev.sspr.directory.PasswordSource;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The on-premises directory ({@code sspr.ldap.*}, R-40 to R-42). Without a URL (and without the
 * embedded server) there is no writeback: on-premises users are told to contact their administrator.
 *
 * @param url {@code ldaps://host:636}, or {@code ldap://host:389} with {@code startTls}; plain
 *     {@code ldap://} only with {@code allowInsecure}
 * @param userFilter which entries are users, e.g. {@code (objectClass=inetOrgPerson)}
 * @param userIdAttribute the attribute holding the portal's user ID ({@code mail},
 *     {@code userPrincipalName})
 * @param groupFilter which entries are groups; their {@code member} values name the users
 * @param tenant the name of the tenant whose users this directory holds
 * @param passwordSource how synchronized users' passwords are said to be managed
 * @param syncInterval how often the directory is synchronized; zero turns the schedule off
 * @param slowThreshold a status check slower than this reports a temporary problem
 */
@ConfigurationProperties("sspr.ldap")
public record LdapProperties(
		String url,
		boolean startTls,
		boolean allowInsecure,
		String bindDn,
		String bindPassword,
		String baseDn,
		@DefaultValue("(objectClass=inetOrgPerson)") String userFilter,
		@DefaultValue("mail") String userIdAttribute,
		@DefaultValue("(objectClass=groupOfNames)") String groupFilter,
		@DefaultValue("OPENLDAP") Dialect dialect,
		String tenant,
		@DefaultValue("PASSWORD_HASH_SYNC") PasswordSource passwordSource,
		@DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("5s") Duration responseTimeout,
		@DefaultValue("15m") Duration syncInterval,
		@DefaultValue("2s") Duration slowThreshold,
		@DefaultValue Embedded embedded) {

	/**
	 * An in-memory directory started by the portal itself (the {@code dev} profile's default), seeded
	 * from an LDIF file; it listens on a loopback port ({@code 0}: a free one; scripts/cluster.sh fixes
	 * it, so that a second instance can use the first one's directory) and takes the bind DN and password above.
	 */
	public record Embedded(boolean enabled, @DefaultValue("classpath:ldap/fabrikam.ldif") String ldif,
			@DefaultValue("0") int port) {

		@org.springframework.boot.context.properties.bind.ConstructorBinding
		public Embedded {
		}

		/** On a free port. */
		public Embedded(boolean enabled, String ldif) {
			this(enabled, ldif, 0);
		}
	}

	public LdapProperties {
		if (!passwordSource.onPremises()) {
			throw new IllegalArgumentException("sspr.ldap.password-source must be an on-premises source");
		}
	}

	/** Whether a directory is configured at all (a URL, or the embedded server). */
	public boolean configured() {
		return embedded.enabled() || (url != null && !url.isBlank());
	}
}
