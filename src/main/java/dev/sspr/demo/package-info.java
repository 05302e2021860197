/**
 * The embedded default's demo (dev profile only): authenticator apps for the demo users, whose
 * shared secret is published in the README, and a page showing their current codes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "verification", "directory", "passkey" })
package dev.sspr.demo;
