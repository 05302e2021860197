package dev.sspr.admin;

import dev.sspr.input.PlainText;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.SsprPolicy;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy editor (R-60), field for field as the page shows it. Every value arrives as text, so a
 * tampered or garbled value becomes a message beside its field instead of a binding failure; the
 * {@link PolicyValidator} turns the text into a policy.
 *
 * @param customQuestions one question per line
 * @param bannedTerms one term per line
 * @param returnToOrigins one {@code https://host} per line
 * @param confirmedImpact how many users the administrator saw lose the ability to reset and accepted
 */
record PolicyForm(
		@Size(max = 10, message = "{admin.policy.error.invalid}") String scope,
		@Size(max = 256, message = "{input.tooLong}") @PlainText String scopeGroup,
		List<@Size(max = 40) String> methods,
		@Size(max = 4, message = "{admin.policy.error.invalid}") String methodsRequired,
		@Size(max = 4, message = "{admin.policy.error.invalid}") String questionsToRegister,
		@Size(max = 4, message = "{admin.policy.error.invalid}") String questionsToReset,
		@Size(max = 10_000, message = "{input.tooLong}") @PlainText(lines = true) String customQuestions,
		String requireRegistration,
		@Size(max = 6, message = "{admin.policy.reconfirmDays.range}") String reconfirmDays,
		String notifyUsers,
		String notifyAdmins,
		String writebackEnabled,
		String unlockWithoutReset,
		String showRefusalReason,
		@Size(max = 70_000, message = "{input.tooLong}") @PlainText(lines = true) String bannedTerms,
		@Size(max = 10_000, message = "{input.tooLong}") @PlainText(lines = true) String returnToOrigins,
		@Size(max = 10) String confirmedImpact,
		String externalUsersReset) {

	PolicyForm {
		methods = methods == null ? List.of() : methods;
	}

	static PolicyForm of(PolicySettings settings) {
		SsprPolicy p = settings.policy();
		return new PolicyForm(p.scope().name(), p.scopeGroup(),
				p.enabledMethods().stream().sorted().map(MethodKind::key).toList(),
				String.valueOf(p.methodsRequired()), String.valueOf(p.questionsToRegister()),
				String.valueOf(p.questionsToReset()), String.join("\n", settings.customQuestions()),
				flag(p.requireRegistration()), String.valueOf(p.reconfirmDays()), flag(p.notifyUsers()),
				flag(p.notifyAdmins()), flag(p.writebackEnabled()), flag(p.unlockWithoutReset()),
				flag(p.showRefusalReason()), String.join("\n", new TreeSet<>(settings.bannedTerms())),
				String.join("\n", new TreeSet<>(settings.returnToOrigins())), null, flag(p.externalUsersReset()));
	}

	/** A checkbox is on when it was sent at all (Thymeleaf's hidden marker sends nothing but "_field"). */
	static boolean on(String value) {
		return value != null && !value.isEmpty() && !"false".equals(value);
	}

	/** Non-blank lines, stripped, in order, without repeats. */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		Set<String> lines = new LinkedHashSet<>();
		Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).forEach(lines::add);
		return List.copyOf(lines);
	}

	private static String flag(boolean on) {
		return on ? "true" : null;
	}
}
