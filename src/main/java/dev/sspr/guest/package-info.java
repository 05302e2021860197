/**
 * Guests: an administrator's invitation (the guest account, a one-time link by email) and its
 * redemption at {@code /invitation}, where the guest proves their address and, without a home to reset
 * at, chooses a password.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guest",
		allowedDependencies = { "directory", "delivery", "policy", "audit", "input", "secrets" })
package dev.sspr.guest;
