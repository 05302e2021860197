package dev.sspr.audit;

/**
 * Something an administrator did in the console (S-65), published by the console and written here.
 *
 * @param subject the user acted on, or null for tenant-wide changes
 * @param reason why it failed, as a code the console has a label for (e.g. a directory's message key), or null
 * @param details what changed, before and after; never a secret
 */
public record AdminAction(Kind kind, long tenantId, String actor, String subject, boolean success, String reason,
		String details) {

	public AdminAction(Kind kind, long tenantId, String actor, String subject, boolean success, String details) {
		this(kind, tenantId, actor, subject, success, null, details);
	}

	public enum Kind {
		ADMIN_POLICY_CHANGED, ADMIN_CUSTOMIZATION_CHANGED, ADMIN_LOGO_CHANGED, ADMIN_OFFICE_PHONE_SET,
		ADMIN_ACCOUNT_UNLOCKED, ADMIN_REREGISTRATION_REQUIRED, ADMIN_ACTIVITY_EXPORTED, ADMIN_FOREIGN_ID,
		ADMIN_DIRECTORY_SYNCED, ADMIN_GUEST_INVITED,
		/** A guest redeemed their invitation: the guest is the actor. */
		GUEST_INVITATION_REDEEMED
	}
}
