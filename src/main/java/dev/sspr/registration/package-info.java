/**
 * The signed-in side for end users: sign-in and sign-out, the combined security-info
 * page, and method registration. Sessions end when the user's security stamp moves (a reset or a
 * password change elsewhere, S-50).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registration",
		allowedDependencies = { "verification", "policy", "directory", "delivery", "input", "throttle", "passkey" })
package dev.sspr.registration;
