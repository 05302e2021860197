package dev.sspr.policy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The eligibility checks of R-12, in order, with the method rules of and S-32.
 * Pure and side-effect free: the same code answers the reset flow and the admin impact preview.
 */
public final class Eligibility {

	private Eligibility() {
	}

	/**
	 * @param writebackDeployed whether a password writer for on-premises users is installed
	 */
	public static EligibilityVerdict evaluate(Subject subject, SsprPolicy policy, boolean writebackDeployed) {
		int required = subject.administrator() ? 2 : policy.methodsRequired();
		if (!subject.exists()) {
			return refuse(RefusalReason.ACCOUNT_NOT_FOUND, required);
		}
		if (!subject.enabled()) {
			return refuse(RefusalReason.ACCOUNT_DISABLED, required);
		}
		if (!subject.administrator() && !inScope(subject, policy)) {
			return refuse(RefusalReason.NOT_ENABLED, required);
		}
		if (!subject.licensed()) {
			return refuse(RefusalReason.NOT_LICENSED, required);
		}
		Set<MethodKind> permitted = subject.administrator() ? MethodKind.ADMIN_METHODS : policy.enabledMethods();
		List<AvailableMethod> usable = subject.methods().stream()
				.filter(m -> permitted.contains(m.kind()))
				// with one method required, only the app code, never the notification.
				.filter(m -> required == 2 || m.kind() != MethodKind.APP_NOTIFICATION)
				.toList();
		if (distinctFactors(usable) < required) {
			return refuse(RefusalReason.NOT_ENOUGH_METHODS, required);
		}
		if (subject.passwordOnPremises() && !(policy.writebackEnabled() && writebackDeployed)) {
			return refuse(RefusalReason.WRITEBACK_UNAVAILABLE, required);
		}
		return new EligibilityVerdict(null, required, usable);
	}

	/** How many different factors these methods stand for (S-32). */
	public static long distinctFactors(Collection<AvailableMethod> methods) {
		return methods.stream().map(AvailableMethod::factor).distinct().count();
	}

	private static boolean inScope(Subject subject, SsprPolicy policy) {
		return switch (policy.scope()) {
			case NONE -> false;
			case ALL -> true;
			case SELECTED -> policy.scopeGroup() != null
					&& subject.groups().stream().anyMatch(g -> g.equalsIgnoreCase(policy.scopeGroup()));
		};
	}

	private static EligibilityVerdict refuse(RefusalReason reason, int required) {
		return new EligibilityVerdict(reason, required, List.of());
	}
}
