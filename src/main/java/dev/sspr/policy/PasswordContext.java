package dev.sspr.policy;

import java.util.Set;

/** What a new password is checked against besides the rules themselves (R-30, S-41). */
public record PasswordContext(String userId, String displayName, String givenName, String surname, String tenantName,
		Set<String> tenantBannedTerms) {

	public PasswordContext {
		tenantBannedTerms = tenantBannedTerms == null ? Set.of() : Set.copyOf(tenantBannedTerms);
	}

	@Override
	public String toString() {
		return "PasswordContext[user=" + userId + "]";
	}
}
