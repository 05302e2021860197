package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which methods a user has data for, each with the factor it stands for (S-32). The
 * reset flow and the sign-in interrupt ask the same question, so they share this answer.
 */
@Component
public class MethodInventory {

	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final MethodVerifiers verifiers;
	private final Passkeys passkeys;

	MethodInventory(SecurityQuestions questions, AuthenticatorApps apps, MethodVerifiers verifiers, Passkeys passkeys) {
		this.questions = questions;
		this.apps = apps;
		this.verifiers = verifiers;
		this.passkeys = passkeys;
	}

	/** Looks the registrations up; {@code userPk} may be a stand-in (-1) so unknown users cost the same. */
	public List<AvailableMethod> of(long userPk, UserAccount user, SsprPolicy policy) {
		Registration registration = registrationOf(userPk);
		return user == null ? List.of() : availableMethods(user, policy, registration);
	}

	/** What one user has registered. */
	public Registration registrationOf(long userPk) {
		return new Registration(questions.count(userPk), apps.hasActiveApp(userPk), passkeys.count(userPk));
	}

	/** What a user has registered: the number of security answers, whether an app is active, how many passkeys. */
	public record Registration(int answers, boolean app, int passkeys) {

		public Registration(int answers, boolean app) {
			this(answers, app, 0);
		}
	}

	/**
	 * What every user of a tenant has registered, in three queries (the admin console's lists, preview
	 * and dashboard). Answers to the custom questions in {@code droppedQuestions} do not count.
	 */
	public Map<Long, Registration> registrationsInTenant(long tenantId, Set<Long> droppedQuestions) {
		Map<Long, Integer> answers = questions.countsInTenant(tenantId, droppedQuestions);
		Set<Long> withApp = apps.activeInTenant(tenantId);
		Map<Long, Integer> withPasskeys = passkeys.countsInTenant(tenantId);
		Set<Long> users = new HashSet<>(answers.keySet());
		users.addAll(withApp);
		users.addAll(withPasskeys.keySet());
		Map<Long, Registration> registrations = new HashMap<>();
		users.forEach(user -> registrations.put(user, new Registration(answers.getOrDefault(user, 0),
				withApp.contains(user), withPasskeys.getOrDefault(user, 0))));
		return registrations;
	}

	/** The methods a user has data for, given what they registered: each method's verifier decides, in listed order. */
	public List<AvailableMethod> availableMethods(UserAccount user, SsprPolicy policy, Registration registration) {
		List<AvailableMethod> methods = new ArrayList<>();
		verifiers.listed().forEach(v -> v.availableTo(user, registration, policy).ifPresent(methods::add));
		return methods;
	}

	/**
	 * The rule a user is judged by: their tenant's policy, or for a sign-up user or a guest without a
	 * home its rule for such users (R-03: one email code to the address they proved).
	 */
	public static SsprPolicy policyFor(UserAccount user, SsprPolicy tenantPolicy) {
		return user.external() ? tenantPolicy.forExternalUsers() : tenantPolicy;
	}

	/** The eligibility facts of a known user with these methods. */
	public static Subject subjectOf(UserAccount user, List<AvailableMethod> methods) {
		return new Subject(true, user.enabled(), user.groups(), user.licensed(), user.administrator(),
				user.passwordSource().onPremises(), methods);
	}
}
