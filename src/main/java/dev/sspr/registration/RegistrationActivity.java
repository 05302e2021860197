package dev.sspr.registration;

/** A change to a user's registered methods, for the audit log. Never carries a secret. */
public record RegistrationActivity(Kind kind, long tenantId, String subject, String method, boolean success,
		String reason) {

	public enum Kind { METHOD_REGISTERED, METHOD_REMOVED, REGISTRATION_REFUSED, PASSWORD_CHANGED, APP_NOTIFICATION_ANSWERED }
}
