package dev.sspr.directory;

/** Who an account is: a member of its tenant, an invited (B2B) guest, or a self-service sign-up user. */
public enum AccountKind {
	MEMBER, GUEST, SIGNUP
}
