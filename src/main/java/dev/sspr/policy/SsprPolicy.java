package dev.sspr.policy;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable snapshot of a tenant's SSPR policy. The reset flow keeps the snapshot taken
 * at identification so that a policy change mid-flow cannot change the rules under the user.
 */
public record SsprPolicy(
		SsprScope scope,
		String scopeGroup,
		Set<MethodKind> enabledMethods,
		int methodsRequired,
		int questionsToRegister,
		int questionsToReset,
		boolean requireRegistration,
		int reconfirmDays,
		boolean notifyUsers,
		boolean notifyAdmins,
		boolean writebackEnabled,
		boolean unlockWithoutReset,
		boolean showRefusalReason,
		boolean externalUsersReset) implements Serializable {

	public SsprPolicy {
		if (methodsRequired < 1 || methodsRequired > 2) {
			throw new IllegalArgumentException("methodsRequired must be 1 or 2");
		}
		enabledMethods = enabledMethods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabledMethods));
	}

	/** What an unknown domain is judged by, so that its answer looks like any other refusal. */
	public static SsprPolicy decoy() {
		return new SsprPolicy(SsprScope.ALL, null, EnumSet.of(MethodKind.EMAIL, MethodKind.MOBILE_SMS), 1, 3, 3,
				false, 0, true, false, false, false, false, true);
	}

	/**
	 * The rule for the tenant's sign-up users and guests without a home: one email code to the
	 * address they proved, when the tenant lets them reset at all; notifications and the refusal
	 * reason as for members.
	 */
	public SsprPolicy forExternalUsers() {
		return new SsprPolicy(externalUsersReset ? SsprScope.ALL : SsprScope.NONE, null, EnumSet.of(MethodKind.EMAIL), 1,
				questionsToRegister, questionsToReset, false, 0, notifyUsers, notifyAdmins, false, false,
				showRefusalReason, externalUsersReset);
	}
}
