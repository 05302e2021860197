/**
 * Proof of identity, one {@link dev.sspr.verification.MethodVerifier} per method, found through
 * {@link dev.sspr.verification.MethodVerifiers}: one-time codes by email, text and voice (hashed,
 * short-lived, capped attempts), security questions, and the authenticator app (TOTP). Also the
 * per-account failure ledger of S-10 and the registered methods a user has.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification",
		allowedDependencies = { "delivery", "policy", "throttle", "directory", "secrets", "passkey" })
package dev.sspr.verification;
