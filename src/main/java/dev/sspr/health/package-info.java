/**
 * What a load balancer and an operator ask: the instance's own health (database, liveness,
 * readiness) and, reported apart so that an outage of theirs never takes the instance out of
 * rotation, the mail server's and the directory's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health", allowedDependencies = { "directory::writeback" })
package dev.sspr.health;
