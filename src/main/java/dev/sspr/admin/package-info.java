/**
 * The admin console: a tenant's administrators edit its SSPR policy with an
 * impact preview computed by the reset flow's own eligibility rules, customize its pages, look after
 * its users, and read its activity and dashboard. Every query is scoped to the signed-in
 * administrator's tenant; an id from another tenant answers 404 and is audited (S-65).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin",
		allowedDependencies = { "policy", "directory", "directory::writeback", "audit", "verification", "registration", "delivery", "input", "language", "guest", "passkey" })
package dev.sspr.admin;
