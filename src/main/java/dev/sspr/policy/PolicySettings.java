package dev.sspr.policy;

import java.util.List;
import java.util.Set;

/**
 * Everything an administrator saves on the policy page: the switches, the tenant's own
 * questions (as entered, in order), its banned-password terms and the origins relying applications
 * may return to.
 */
public record PolicySettings(SsprPolicy policy, List<String> customQuestions, Set<String> bannedTerms,
		Set<String> returnToOrigins) {

	public PolicySettings {
		customQuestions = List.copyOf(customQuestions);
		bannedTerms = Set.copyOf(bannedTerms);
		returnToOrigins = Set.copyOf(returnToOrigins);
	}
}
