package dev.sspr.admin;

import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.SsprPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The audit line of a policy change: each setting that moved, before and after (S-65). */
final class PolicyDiff {

	private PolicyDiff() {
	}

	static String between(PolicySettings before, PolicySettings after) {
		Map<String, String> old = values(before);
		Map<String, String> now = values(after);
		List<String> changes = new ArrayList<>();
		old.forEach((name, value) -> {
			if (!Objects.equals(value, now.get(name))) {
				changes.add(name + ": " + value + " -> " + now.get(name));
			}
		});
		return changes.isEmpty() ? "no change" : String.join("; ", changes);
	}

	private static Map<String, String> values(PolicySettings settings) {
		SsprPolicy p = settings.policy();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("scope", p.scope().name());
		values.put("scopeGroup", String.valueOf(p.scopeGroup()));
		values.put("methods", new TreeSet<>(p.enabledMethods()).toString());
		values.put("methodsRequired", String.valueOf(p.methodsRequired()));
		values.put("questionsToRegister", String.valueOf(p.questionsToRegister()));
		values.put("questionsToReset", String.valueOf(p.questionsToReset()));
		values.put("customQuestions", settings.customQuestions().toString());
		values.put("requireRegistration", String.valueOf(p.requireRegistration()));
		values.put("reconfirmDays", String.valueOf(p.reconfirmDays()));
		values.put("notifyUsers", String.valueOf(p.notifyUsers()));
		values.put("notifyAdmins", String.valueOf(p.notifyAdmins()));
		values.put("writebackEnabled", String.valueOf(p.writebackEnabled()));
		values.put("unlockWithoutReset", String.valueOf(p.unlockWithoutReset()));
		values.put("showRefusalReason", String.valueOf(p.showRefusalReason()));
		values.put("externalUsersReset", String.valueOf(p.externalUsersReset()));
		values.put("bannedTerms", new TreeSet<>(settings.bannedTerms()).toString());
		values.put("returnToOrigins", new TreeSet<>(settings.returnToOrigins()).toString());
		return values;
	}
}
