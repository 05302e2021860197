package dev.sspr.passkey;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What travels between the portal and the browser in a ceremony. Binary values are base64url
 * without padding, as {@code passkey.js} reads and writes them; none of it is secret.
 */
public final class Ceremonies {

	private Ceremonies() {
	}

	/** What the browser needs to create a passkey; kept in the session until it is answered (single use). */
	public record CreationOptions(String challenge, String userHandle, String userName, String displayName,
			List<String> excludedCredentials, Instant expiresAt) implements Serializable {

		public CreationOptions {
			excludedCredentials = List.copyOf(excludedCredentials);
		}
	}

	/** The browser's answer to {@code navigator.credentials.create}. */
	public record Attestation(String attestationObject, String clientDataJson, String transports) {
	}

	/**
	 * What the browser needs to prove a passkey: a fresh challenge and the credentials it may use (only
	 * the user's own; none for a sign-in, where the device offers its passkeys for this site).
	 */
	public record AssertionRequest(String challenge, List<String> allowedCredentials, Instant expiresAt)
			implements Serializable {

		public AssertionRequest {
			allowedCredentials = List.copyOf(allowedCredentials);
		}
	}

	/** The browser's answer to {@code navigator.credentials.get}. */
	public record Assertion(String credentialId, String authenticatorData, String clientDataJson, String signature,
			String userHandle) {
	}

	/** How a registration ended. */
	public enum Registration {
		ADDED,
		/** The answer did not verify (wrong origin or challenge, no user verification, malformed). */
		REFUSED,
		/** This device's passkey is registered already. */
		ALREADY_REGISTERED,
		/** The user has as many passkeys as allowed. */
		TOO_MANY,
		/** The options expired or were answered before. */
		EXPIRED;

		/** The reason the audit log records for a refusal, e.g. {@code PASSKEY_EXPIRED}. */
		public String auditReason() {
			return "PASSKEY_" + name();
		}
	}

	/** How a proof with a passkey ended. */
	public enum Proof {
		VALID,
		/** Not a passkey of this user, or its answer did not verify; counts as a wrong proof (S-10). */
		WRONG,
		/** The challenge expired. */
		EXPIRED,
		/** The challenge was answered before. */
		REPLAYED
	}
}
