package dev.sspr.registration;

import java.io.Serializable;
import java.time.Instant;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in, the security stamp their session was opened under, and when they last typed
 * their password (changing a phone or email needs that within five minutes).
 */
public record SignedInUser(long userPk, long tenantId, String userId, String displayName, long securityStamp,
		Instant authenticatedAt) implements Serializable, AuthenticatedPrincipal {

	/**
	 * The name sessions are indexed by (SPRING_SESSION.PRINCIPAL_NAME, 100 characters): the account's
	 * key, short and not personal data, rather than the record's text with the user ID and display name.
	 */
	@Override
	public String getName() {
		return Long.toString(userPk);
	}

	SignedInUser renewed(long stamp, Instant now) {
		return new SignedInUser(userPk, tenantId, userId, displayName, stamp, now);
	}
}
