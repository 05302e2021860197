package dev.sspr.registration;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is signed in, the security stamp their session was opened under, and when they last typed
 * their password (changing a phone or email needs that within five minutes).
 */
public record SignedInUser(long userPk, long tenantId, String userId, String displayName, long securityStamp,
		Instant authenticatedAt) implements Serializable {

	SignedInUser renewed(long stamp, Instant now) {
		return new SignedInUser(userPk, tenantId, userId, displayName, stamp, now);
	}
}
