package dev.sspr.admin;

import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.SsprScope;
import dev.sspr.registration.ReturnTo;
import dev.sspr.verification.PredefinedQuestions;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * R-61 and the limits of: each broken rule becomes a message beside its field.
 * Only a form without any error yields settings, so nothing is saved while anything is wrong.
 */
final class PolicyValidator {

	static final int MAX_CUSTOM_QUESTIONS = 50;
	static final int MAX_QUESTION_LENGTH = 200;
	static final int MAX_BANNED_TERMS = 1000;
	static final int MIN_TERM_LENGTH = 4;
	static final int MAX_TERM_LENGTH = 64;
	static final int MAX_ORIGINS = 50;

	private PolicyValidator() {
	}

	static Optional<PolicySettings> validate(PolicyForm form, Errors errors) {
		SsprScope scope = parseScope(form.scope());
		if (scope == null) {
			errors.rejectValue("scope", "admin.policy.error.invalid");
		}
		String group = form.scopeGroup() == null ? "" : form.scopeGroup().strip();
		if (scope == SsprScope.SELECTED && group.isEmpty()) {
			errors.rejectValue("scopeGroup", "admin.policy.scopeGroup.required");
		}

		Set<MethodKind> methods = EnumSet.noneOf(MethodKind.class);
		for (String key : form.methods()) {
			try {
				methods.add(MethodKind.fromKey(key));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("methods", "admin.policy.error.invalid");
			}
		}
		Integer required = number(form.methodsRequired(), 1, 2);
		if (required == null) {
			errors.rejectValue("methodsRequired", "admin.policy.methodsRequired.invalid");
		}
		else if (!errors.hasFieldErrors("methods")) {
			methodRules(methods, required, errors);
		}

		List<String> custom = PolicyForm.lines(form.customQuestions());
		if (custom.size() > MAX_CUSTOM_QUESTIONS) {
			errors.rejectValue("customQuestions", "admin.policy.customQuestions.tooMany", new Object[] { MAX_CUSTOM_QUESTIONS }, null);
		}
		custom.stream().filter(q -> q.codePointCount(0, q.length()) > MAX_QUESTION_LENGTH).findFirst()
				.ifPresent(q -> errors.rejectValue("customQuestions", "admin.policy.customQuestions.tooLong",
						new Object[] { custom.indexOf(q) + 1, MAX_QUESTION_LENGTH }, null));
		Integer toRegister = number(form.questionsToRegister(), 3, 5);
		Integer toReset = number(form.questionsToReset(), 3, 5);
		if (toRegister == null) {
			errors.rejectValue("questionsToRegister", "admin.policy.questions.range");
		}
		if (toReset == null) {
			errors.rejectValue("questionsToReset", "admin.policy.questions.range");
		}
		if (toRegister != null && toReset != null && toReset > toRegister) {
			errors.rejectValue("questionsToReset", "admin.policy.questionsToReset.moreThanRegister");
		}
		int offered = PredefinedQuestions.KEYS.size() + custom.size();
		if (toRegister != null && toRegister > offered) {
			errors.rejectValue("questionsToRegister", "admin.policy.questionsToRegister.moreThanOffered",
					new Object[] { offered }, null);
		}

		Integer reconfirm = number(form.reconfirmDays(), 0, 730);
		if (reconfirm == null) {
			errors.rejectValue("reconfirmDays", "admin.policy.reconfirmDays.range");
		}

		Set<String> banned = new LinkedHashSet<>();
		for (String term : PolicyForm.lines(form.bannedTerms())) {
			int length = term.codePointCount(0, term.length());
			if (length < MIN_TERM_LENGTH || length > MAX_TERM_LENGTH) {
				errors.rejectValue("bannedTerms", "admin.policy.bannedTerms.length",
						new Object[] { term, MIN_TERM_LENGTH, MAX_TERM_LENGTH }, null);
				break;
			}
			banned.add(term.toLowerCase(Locale.ROOT));
		}
		if (banned.size() > MAX_BANNED_TERMS) {
			errors.rejectValue("bannedTerms", "admin.policy.bannedTerms.tooMany", new Object[] { MAX_BANNED_TERMS }, null);
		}

		Set<String> origins = new LinkedHashSet<>();
		for (String origin : PolicyForm.lines(form.returnToOrigins())) {
			String normalized = origin.toLowerCase(Locale.ROOT);
			if (!ReturnTo.origin(normalized).filter(normalized::equals).isPresent()) {
				errors.rejectValue("returnToOrigins", "admin.policy.returnToOrigins.invalid", new Object[] { origin }, null);
				break;
			}
			origins.add(normalized);
		}
		if (origins.size() > MAX_ORIGINS) {
			errors.rejectValue("returnToOrigins", "admin.policy.returnToOrigins.tooMany", new Object[] { MAX_ORIGINS }, null);
		}

		if (errors.hasErrors()) {
			return Optional.empty();
		}
		SsprPolicy policy = new SsprPolicy(scope, scope == SsprScope.SELECTED ? group : null, methods, required,
				toRegister, toReset, PolicyForm.on(form.requireRegistration()), reconfirm,
				PolicyForm.on(form.notifyUsers()), PolicyForm.on(form.notifyAdmins()),
				PolicyForm.on(form.writebackEnabled()), PolicyForm.on(form.unlockWithoutReset()),
				PolicyForm.on(form.showRefusalReason()), PolicyForm.on(form.externalUsersReset()));
		return Optional.of(new PolicySettings(policy, custom, banned, origins));
	}

	/** enough methods for the number required, and the app never the only way in. */
	private static void methodRules(Set<MethodKind> methods, int required, Errors errors) {
		if (methods.size() < required) {
			errors.rejectValue("methods", "admin.policy.methods.tooFew", new Object[] { required }, null);
			return;
		}
		boolean app = methods.contains(MethodKind.APP_CODE) || methods.contains(MethodKind.APP_NOTIFICATION);
		long others = methods.stream().filter(m -> m.channel() != MethodKind.Channel.APP).count();
		if (app && others < required) {
			errors.rejectValue("methods", "admin.policy.methods.appNeedsOthers", new Object[] { required }, null);
		}
	}

	private static SsprScope parseScope(String value) {
		for (SsprScope scope : SsprScope.values()) {
			if (scope.name().equals(value)) {
				return scope;
			}
		}
		return null;
	}

	/** A whole number in the range, or null for anything else (blank, garbage, out of range). */
	static Integer number(String value, int min, int max) {
		if (value == null || !value.strip().matches("\\d{1,4}")) {
			return null;
		}
		int number = Integer.parseInt(value.strip());
		return number < min || number > max ? null : number;
	}
}
