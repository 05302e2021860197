/**
 * The audit log: one record per reset event, written from {@link dev.sspr.reset.ResetActivity}
 * events (R-12 reasons, R-63 activity, R-70 throttle hits). Holds no secret (S-24).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "reset", "registration", "policy", "input" })
package dev.sspr.audit;
