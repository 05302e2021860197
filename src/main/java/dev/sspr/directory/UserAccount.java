package dev.sspr.directory;

import java.time.Instant;
import java.util.Set;

/**
 * A read-only view of a directory user. Never carries the password hash.
 *
 * @param securityInfoConfirmedAt when the user last confirmed their security info, or null
 * @param guest what makes a guest or sign-up user one; null for a member
 */
public record UserAccount(
		long id,
		long tenantId,
		String userId,
		String displayName,
		String givenName,
		String surname,
		String primaryEmail,
		String alternateEmail,
		String authEmail,
		String mobilePhone,
		String authPhone,
		String officePhone,
		Set<String> groups,
		Set<String> adminRoles,
		boolean enabled,
		boolean locked,
		boolean licensed,
		PasswordSource passwordSource,
		long securityStamp,
		Instant securityInfoConfirmedAt,
		Guest guest) {

	public UserAccount {
		groups = Set.copyOf(groups);
		adminRoles = Set.copyOf(adminRoles);
	}

	/** A member of its tenant. */
	public UserAccount(long id, long tenantId, String userId, String displayName, String givenName, String surname,
			String primaryEmail, String alternateEmail, String authEmail, String mobilePhone, String authPhone,
			String officePhone, Set<String> groups, Set<String> adminRoles, boolean enabled, boolean locked,
			boolean licensed, PasswordSource passwordSource, long securityStamp, Instant securityInfoConfirmedAt) {
		this(id, tenantId, userId, displayName, givenName, surname, primaryEmail, alternateEmail, authEmail, mobilePhone,
				authPhone, officePhone, groups, adminRoles, enabled, locked, licensed, passwordSource, securityStamp,
				securityInfoConfirmedAt, null);
	}

	public AccountKind kind() {
		return guest == null ? AccountKind.MEMBER : guest.kind();
	}

	/**
	 * A guest or sign-up user with no home to reset at: they reset here, with an email code to
	 * the address they proved, under their tenant's rule for such users.
	 */
	public boolean external() {
		return guest != null && guest.home() == Guest.Home.NONE;
	}

	/** Whether this tenant's portal resets the account: members and guests without a home. */
	public boolean resetsHere() {
		return guest == null || external();
	}

	public boolean administrator() {
		return !adminRoles.isEmpty();
	}

	/** the authentication email first, then the alternate email; for a guest only the address they proved. */
	public String resetEmail() {
		return guest != null ? (external() ? guest.provenEmail() : null) : firstPresent(authEmail, alternateEmail);
	}

	/** the authentication phone first, then the public mobile phone; never for a guest. */
	public String resetMobile() {
		return guest != null ? null : firstPresent(authPhone, mobilePhone);
	}

	private static String firstPresent(String first, String second) {
		return first != null && !first.isBlank() ? first : (second != null && !second.isBlank() ? second : null);
	}
}
