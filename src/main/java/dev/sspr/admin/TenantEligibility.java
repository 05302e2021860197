package dev.sspr.admin;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.Eligibility;
import dev.sspr.policy.EligibilityVerdict;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The R-12 verdict for every user of a tenant under a policy, built from the same facts and the same
 * {@link Eligibility} function the reset flow uses, so the console's numbers are the portal's.
 */
@Service
@Transactional(readOnly = true)
class TenantEligibility {

	private static final Registration NOTHING = new Registration(0, false);

	/** One user, what they registered, what they could use and the verdict. */
	record Row(UserAccount user, Registration registration, List<AvailableMethod> methods, EligibilityVerdict verdict) {
	}

	private final Directory directory;
	private final MethodInventory inventory;

	TenantEligibility(Directory directory, MethodInventory inventory) {
		this.directory = directory;
		this.inventory = inventory;
	}

	/**
	 * @param droppedQuestions custom questions a pending change deletes: their answers do not count
	 */
	List<Row> evaluate(long tenantId, SsprPolicy policy, Set<Long> droppedQuestions) {
		return rows(usersOf(tenantId), tenantId, policy, droppedQuestions);
	}

	/**
	 * Every user this tenant's portal resets, to judge under more than one policy without loading them
	 * again: guests who reset at home (another tenant, their own organization) are not counted here.
	 */
	List<UserAccount> usersOf(long tenantId) {
		return directory.usersOf(tenantId).stream().filter(directory::resetsHere).toList();
	}

	/** The verdicts of some users of one tenant (a page of the users list). */
	List<Row> rows(List<UserAccount> users, long tenantId, SsprPolicy policy, Set<Long> droppedQuestions) {
		Map<Long, Registration> registrations = inventory.registrationsInTenant(tenantId, droppedQuestions);
		return users.stream().map(user -> row(user, registrations.getOrDefault(user.id(), NOTHING), policy)).toList();
	}

	/** One user's verdict, from their own registrations only. */
	Row row(UserAccount user, SsprPolicy policy) {
		return row(user, inventory.registrationOf(user.id()), policy);
	}

	private Row row(UserAccount user, Registration registration, SsprPolicy tenantPolicy) {
		SsprPolicy policy = MethodInventory.policyFor(user, tenantPolicy);
		List<AvailableMethod> methods = inventory.availableMethods(user, policy, registration);
		EligibilityVerdict verdict = Eligibility.evaluate(MethodInventory.subjectOf(user, methods), policy,
				directory.canWrite(user.passwordSource()));
		return new Row(user, registration, methods, verdict);
	}
}
