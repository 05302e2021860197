/**
 * The end-user reset wizard: identify, choose a method, verify, new password, done.
 * The flow state lives on the server ({@link dev.sspr.reset.ResetFlow}); which step is due is a pure
 * function of it ({@link dev.sspr.reset.StepNavigator}); every change goes through
 * {@link dev.sspr.reset.ResetService}, which publishes {@link dev.sspr.reset.ResetActivity} events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reset",
		allowedDependencies = { "verification", "policy", "directory", "throttle", "captcha", "input", "delivery", "passkey" })
package dev.sspr.reset;
