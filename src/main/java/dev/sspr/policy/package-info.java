/**
 * Tenant SSPR policy, password policy (R-30, S-40/S-41) and the eligibility rules of.
 * Eligibility is a pure function of facts gathered by the caller, so the reset flow and the
 * admin console's impact preview use the same code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy", allowedDependencies = {})
package dev.sspr.policy;
