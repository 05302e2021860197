/**
 * Retention: a periodic job, once per cluster, that deletes what has expired or outlived its
 * retention period (codes, failures, approvals, used captchas and passkey challenges, throttle buckets,
 * sessions, delivered messages, reset completions, audit records). It logs counts only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention", allowedDependencies = { "cluster", "throttle" })
package dev.sspr.retention;
