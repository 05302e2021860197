package dev.sspr.verification;

/** The outcome of checking a proof. */
public enum Check {
	/** The proof is right, and is now used up. */
	VALID,
	/** Wrong code or answer; counted against the account (S-10). */
	INVALID,
	/**
	 * The flow's newest code, typed after it expired, ran out of tries or was used; an approval
	 * request that expired or was replaced. Not counted: only its recipient can type a code.
	 */
	EXPIRED,
	/** A code of this flow that "send a new code" replaced; not counted, like {@link #EXPIRED}. */
	REPLACED,
	/** An authenticator code that was already accepted once (S-22). */
	REPLAYED,
	/** An app notification that nobody has answered yet. */
	PENDING,
	/** The account is blocked after too many failures; even a right proof is refused (S-10). */
	BLOCKED
}
