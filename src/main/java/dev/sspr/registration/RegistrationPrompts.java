package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.Eligibility;
import dev.sspr.policy.EligibilityVerdict;
import dev.sspr.policy.RefusalReason;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.verification.MethodInventory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What to ask a user at sign-in, judged by the same eligibility rules as the reset
 * flow: register more methods when they could not reset today, or confirm their info every N days.
 */
@Component
final class RegistrationPrompts {

	enum Prompt { NONE, REGISTER, RECONFIRM }

	private final Directory directory;
	private final TenantPolicies policies;
	private final MethodInventory inventory;
	private final Clock clock;

	RegistrationPrompts(Directory directory, TenantPolicies policies, MethodInventory inventory, Clock clock) {
		this.directory = directory;
		this.policies = policies;
		this.inventory = inventory;
		this.clock = clock;
	}

	Prompt promptFor(long userPk) {
		UserAccount user = directory.user(userPk).orElseThrow();
		// Sign-up users and guests without a home are judged by their own rule, which asks nothing.
		SsprPolicy policy = MethodInventory.policyFor(user, policies.policyOf(user.tenantId()));
		if (!policy.requireRegistration()) {
			return Prompt.NONE;
		}
		List<AvailableMethod> methods = inventory.of(user.id(), user, policy);
		EligibilityVerdict verdict = Eligibility.evaluate(MethodInventory.subjectOf(user, methods), policy, true);
		if (verdict.refusal() == RefusalReason.NOT_ENOUGH_METHODS) {
			return Prompt.REGISTER;
		}
		if (!verdict.eligible() || policy.reconfirmDays() == 0) {
			// Users SSPR does not apply to are not interrupted at all.
			return Prompt.NONE;
		}
		boolean due = user.securityInfoConfirmedAt() == null || user.securityInfoConfirmedAt()
				.plus(Duration.ofDays(policy.reconfirmDays())).isBefore(clock.instant());
		return due ? Prompt.RECONFIRM : Prompt.NONE;
	}
}
