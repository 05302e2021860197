package dev.sspr.verification;

/** The outcome of checking a proof. */
public enum Check {
	/** The proof is right, and is now used up. */
	VALID,
	/** Wrong code or answer; counted against the account (S-10). */
	INVALID,
	/** No live code for this flow and method: expired, used, replaced or never sent. */
	EXPIRED,
	/** An authenticator code that was already accepted once (S-22). */
	REPLAYED,
	/** An app notification that nobody has answered yet. */
	PENDING,
	/** The account is blocked after too many failures; even a right proof is refused (S-10). */
	BLOCKED
}
