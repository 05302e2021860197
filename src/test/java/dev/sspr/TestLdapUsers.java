package dev.sspr;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * On-premises users of a test's own in the embedded Fabrikam directory, like the demo's Līga (synchronized
 * into the portal by the next directory sync), so that the demo's directory users stay as they are.
 */
public final class TestLdapUsers {

	/** The password every such user starts with: the demo directory's. */
	public static final String PASSWORD = "Fabrikam#OnPrem-2026";

	private static final AtomicInteger NEXT = new AtomicInteger();

	private TestLdapUsers() {
	}

	/** A user with this mobile number (and office phone, when given), locked when asked; returns the entry's DN. */
	public static String add(InMemoryDirectoryServer server, boolean locked, String mobile, String officePhone)
			throws LDAPException {
		String uid = "onprem" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
		String dn = "uid=" + uid + ",ou=people,dc=fabrikam,dc=example";
		Entry entry = new Entry(dn);
		entry.addAttribute("objectClass", "inetOrgPerson");
		entry.addAttribute("uid", uid);
		entry.addAttribute("cn", "Test User");
		entry.addAttribute("displayName", "Test User");
		entry.addAttribute("givenName", "Test");
		entry.addAttribute("sn", "User");
		entry.addAttribute("mail", uid + "@fabrikam.example");
		entry.addAttribute("mobile", mobile);
		if (officePhone != null) {
			entry.addAttribute("telephoneNumber", officePhone);
		}
		entry.addAttribute("userPassword", PASSWORD);
		if (locked) {
			entry.addAttribute("pwdAccountLockedTime", "20261120083000Z");
		}
		server.add(entry);
		return dn;
	}

	/** The portal's user ID of the entry (its mail). */
	public static String userId(String dn) {
		return dn.substring("uid=".length(), dn.indexOf(',')) + "@fabrikam.example";
	}

	public static void remove(InMemoryDirectoryServer server, String dn) throws LDAPException {
		if (server.getEntry(dn) != null) {
			server.delete(dn);
		}
	}
}
