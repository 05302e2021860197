package dev.sspr.registration;

import java.io.Serializable;

/** Who is signed in, and the security stamp their session was opened under. */
public record SignedInUser(long userPk, long tenantId, String userId, String displayName, long securityStamp)
		implements Serializable {
}
