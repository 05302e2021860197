package dev.sspr.admin;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.SsprPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * who could reset under the saved policy but could not under the proposed one. Both sides are
 * judged by {@link TenantEligibility}, the reset flow's own rules.
 */
@Service
class ImpactPreview {

	/** The users who would lose the ability to reset, by display name. */
	record Impact(List<UserAccount> losing, int eligibleBefore, int eligibleAfter) {

		boolean anyoneLoses() {
			return !losing.isEmpty();
		}
	}

	private final TenantEligibility eligibility;

	ImpactPreview(TenantEligibility eligibility) {
		this.eligibility = eligibility;
	}

	Impact of(long tenantId, SsprPolicy current, SsprPolicy proposed, Set<Long> droppedQuestions) {
		List<UserAccount> users = eligibility.usersOf(tenantId);
		Set<Long> before = new HashSet<>();
		for (TenantEligibility.Row row : eligibility.rows(users, tenantId, current, Set.of())) {
			if (row.verdict().eligible()) {
				before.add(row.user().id());
			}
		}
		List<TenantEligibility.Row> after = eligibility.rows(users, tenantId, proposed, droppedQuestions);
		List<UserAccount> losing = after.stream()
				.filter(row -> before.contains(row.user().id()) && !row.verdict().eligible())
				.map(TenantEligibility.Row::user).toList();
		int eligibleAfter = (int) after.stream().filter(row -> row.verdict().eligible()).count();
		return new Impact(losing, before.size(), eligibleAfter);
	}
}
