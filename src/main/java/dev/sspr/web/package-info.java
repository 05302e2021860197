/**
 * Cross-cutting web concerns: the security filter chain and headers (S-60 to S-62), locale
 * resolution with {@code ?mkt=}, the layout's shared model, and error pages that never
 * show a stack trace.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = { "registration", "directory", "language" })
package dev.sspr.web;
