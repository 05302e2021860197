/**
 * Tenants, their domains and users: the portal's own (cloud) directory, and the
 * {@link dev.sspr.directory.PasswordWriter} seam through which passwords are written, in the
 * portal's directory or, once writeback lands, on premises.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory", allowedDependencies = { "delivery", "input", "cluster" })
package dev.sspr.directory;
