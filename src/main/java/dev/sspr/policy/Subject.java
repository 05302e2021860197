package dev.sspr.policy;

import java.util.List;
import java.util.Set;

/**
 * The facts about a person that eligibility depends on. For an unknown user ID the caller builds
 * a subject with {@code exists == false} and still runs the whole evaluation (S-01).
 */
public record Subject(
		boolean exists,
		boolean enabled,
		Set<String> groups,
		boolean licensed,
		boolean administrator,
		boolean passwordOnPremises,
		List<AvailableMethod> methods) {

	public Subject {
		groups = Set.copyOf(groups);
		methods = List.copyOf(methods);
	}

	public static Subject unknown() {
		return new Subject(false, false, Set.of(), false, false, false, List.of());
	}
}
