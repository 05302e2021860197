package dev.sspr;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guests and sign-up users of a test's own (R-03), each found by the address it was invited or signed
 * up with, returned by {@link #create()}: {@code TestGuests.in(jdbc).contoso().homeAt("x@fabrikam.example").create()}.
 * A guest without a home who has proved an address resets with the tenant's demo password's hash.
 */
public final class TestGuests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final JdbcClient jdbc;
	private String tenant = "contoso";
	private String kind = "GUEST";
	private String address;
	private String homeUserId;
	private String homeOrganization;
	private boolean proven = true;

	private TestGuests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static TestGuests in(JdbcClient jdbc) {
		return new TestGuests(jdbc);
	}

	public TestGuests contoso() { tenant = "contoso"; return this; }
	public TestGuests fabrikam() { tenant = "fabrikam"; return this; }
	/** The address invited or signed up with; by default a fresh one at tailspin.example (no tenant's domain). */
	public TestGuests withAddress(String value) { address = value; return this; }
	/** A guest whose home is this member of another tenant. */
	public TestGuests homeAt(String memberUserId) { homeUserId = memberUserId; return this; }
	/** A guest whose home is an organization outside the portal. */
	public TestGuests fromOrganization(String name) { homeOrganization = name; return this; }
	/** A self-service sign-up user rather than an invited guest. */
	public TestGuests signUp() { kind = "SIGNUP"; return this; }
	/** Invited, the invitation not yet redeemed: no proven address. */
	public TestGuests notRedeemed() { proven = false; return this; }

	/** The guest's {@code #EXT#} user ID in the inviting tenant's domain, for an address. */
	public String userIdOf(String guestAddress) {
		return guestAddress.toLowerCase(Locale.ROOT).replace('@', '_') + "#ext#@" + tenant + ".example";
	}

	/** Creates the account; returns the address it was invited or signed up with. */
	public String create() {
		String email = (address != null ? address
				: "guest" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "@tailspin.example")
				.toLowerCase(Locale.ROOT);
		String hash = jdbc.sql("select password_hash from directory_user where user_id = ?")
				.param(tenant.equals("fabrikam") ? "ilze@fabrikam.example" : "dana@contoso.example").query(String.class).single();
		jdbc.sql("""
				insert into directory_user (tenant_id, user_id, display_name, enabled, locked, licensed, password_source,
				  password_hash, account_kind, external_email, proven_email, home_user_id, home_organization)
				values ((select id from tenant where name = ?), ?, 'Test Guest', true, false, true, 'CLOUD', ?, ?, ?, ?,
				  (select id from directory_user where user_id = ?), ?)""")
				.params(tenant, userIdOf(email), homeUserId == null && homeOrganization == null ? hash : null, kind, email,
						proven ? email : null, homeUserId, homeOrganization)
				.update();
		return email;
	}
}
