/** Rate limits (R-70, S-11, S-12) with Bucket4j: lookups, sends and tries, per user, address and tenant. */
@org.springframework.modulith.ApplicationModule(displayName = "Throttle", allowedDependencies = { "secrets" })
package dev.sspr.throttle;
