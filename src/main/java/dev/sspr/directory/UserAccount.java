package dev.sspr.directory;

import java.time.Instant;
import java.util.Set;

/**
 * A read-only view of a directory user. Never carries the password hash.
 *
 * @param securityInfoConfirmedAt when the user last confirmed their security info, or null
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
		Instant securityInfoConfirmedAt) {

	public UserAccount {
		groups = Set.copyOf(groups);
		adminRoles = Set.copyOf(adminRoles);
	}

	public boolean administrator() {
		return !adminRoles.isEmpty();
	}

	/** the authentication email first, then the alternate email. */
	public String resetEmail() {
		return firstPresent(authEmail, alternateEmail);
	}

	/** the authentication phone first, then the public mobile phone. */
	public String resetMobile() {
		return firstPresent(authPhone, mobilePhone);
	}

	private static String firstPresent(String first, String second) {
		return first != null && !first.isBlank() ? first : (second != null && !second.isBlank() ? second : null);
	}
}
