/**
 * Passkeys (WebAuthn Level 2, through webauthn4j): the relying party's settings, the credentials a user
 * registered, and the ceremonies that register one, prove a reset with one and sign in with one. Every
 * challenge is single use across instances (a row of {@code webauthn_challenge_used}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Passkey",
		allowedDependencies = { "secrets" })
package dev.sspr.passkey;
