/**
 * The languages the portal speaks: each one's tag, the locale its bundles are found under, its own
 * name (autonym) and its direction. A table of facts with no dependencies, so that the web layer, the
 * admin console and the message composer share one list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Language", allowedDependencies = {})
package dev.sspr.language;
