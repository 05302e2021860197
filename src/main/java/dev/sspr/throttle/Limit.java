package dev.sspr.throttle;

/** The limits the portal enforces; their sizes come from {@link ThrottleProperties}. */
public enum Limit {
	/** Identify-step posts from one client address (S-12). */
	LOOKUP_PER_ADDRESS,
	/** Identify-step posts naming one user ID. */
	LOOKUP_PER_USER,
	/** Codes sent to one account (S-11). */
	SEND_PER_ACCOUNT,
	/** Codes sent on behalf of one client address. */
	SEND_PER_ADDRESS,
	/** Codes sent to one email address or phone number, whoever asks (a shared or victim's number). */
	SEND_PER_DESTINATION,
	/** Texts and calls of one tenant in a day (toll-fraud guard, S-11). */
	PHONE_SEND_PER_TENANT,
	/** Verification tries from one client address. */
	TRY_PER_ADDRESS,
	/** Sign-in attempts from one client address. */
	SIGN_IN_PER_ADDRESS,
	/** Sign-in attempts naming one user ID. */
	SIGN_IN_PER_USER
}
