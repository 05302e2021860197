package dev.sspr.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.passay.DefaultPasswordValidator;
import org.passay.FailureRuleResult;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.SuccessRuleResult;
import org.passay.ValidationResult;
import org.passay.data.CharacterData;
import org.passay.rule.CharacterCharacteristicsRule;
import org.passay.rule.CharacterRule;
import org.passay.rule.LengthRule;
import org.passay.rule.Rule;
import org.passay.rule.UsernameRule;
import org.springframework.stereotype.Component;

/**
 * The new-password rules of R-30 and S-40 to S-42, on Passay: 8 to 256 code points after NFKC, three
 * of four character classes (Unicode-aware, so {@code Ş} is upper case), not the user ID or the
 * user's names, and not banned by {@link BannedPasswords}. Each broken rule is reported by its own
 * message key so the user learns what to change.
 */
@Component
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;
	public static final int MAX_LENGTH = 256;
	private static final Pattern NAME_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
	private static final int MIN_NAME_PART = 3;

	private final BannedPasswords banned;
	private final PasswordValidator shapeRules;

	public PasswordPolicy() {
		this(BannedPasswords.shipped());
	}

	public PasswordPolicy(BannedPasswords banned) {
		this.banned = banned;
		this.shapeRules = new DefaultPasswordValidator(
				new LengthRule(MIN_LENGTH, MAX_LENGTH),
				new CharacterCharacteristicsRule(3,
						new CharacterRule(UnicodeClass.LOWER, 1), new CharacterRule(UnicodeClass.UPPER, 1),
						new CharacterRule(UnicodeClass.DIGIT, 1), new CharacterRule(UnicodeClass.SYMBOL, 1)),
				new UsernameRule(true, true));
	}

	/** All broken rules, in a stable order; empty when the password is acceptable. */
	public List<PasswordViolation> check(String password, PasswordContext context) {
		String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
		List<PasswordViolation> violations = new ArrayList<>();
		String localPart = localPart(context.userId());
		ValidationResult result = shapeRules.validate(new PasswordData(localPart, normalized));
		Set<String> codes = new LinkedHashSet<>();
		for (RuleResultDetail detail : result.getDetails()) {
			codes.add(detail.getErrorCode());
		}
		if (codes.contains(LengthRule.ERROR_CODE_MIN)) {
			violations.add(new PasswordViolation("password.rule.tooShort", List.of(MIN_LENGTH)));
		}
		if (codes.contains(LengthRule.ERROR_CODE_MAX)) {
			violations.add(new PasswordViolation("password.rule.tooLong", List.of(MAX_LENGTH)));
		}
		if (codes.contains(CharacterCharacteristicsRule.ERROR_CODE)) {
			violations.add(new PasswordViolation("password.rule.characterClasses", List.of()));
		}
		boolean personal = codes.contains(UsernameRule.ERROR_CODE) || codes.contains(UsernameRule.ERROR_CODE_REVERSED)
				|| containsNamePart(normalized, context);
		if (personal) {
			violations.add(new PasswordViolation("password.rule.personal", List.of()));
		}
		if (normalized.codePointCount(0, normalized.length()) <= MAX_LENGTH && bannedRule(context).validate(
				new PasswordData(normalized)).isValid() == false) {
			violations.add(new PasswordViolation("password.rule.banned", List.of()));
		}
		return List.copyOf(violations);
	}

	/** S-41 as a Passay rule: user's names and the tenant's name count as banned terms. */
	private Rule bannedRule(PasswordContext context) {
		List<String> extra = new ArrayList<>(context.tenantBannedTerms());
		addIfPresent(extra, context.givenName());
		addIfPresent(extra, context.surname());
		addIfPresent(extra, context.displayName());
		addIfPresent(extra, context.tenantName());
		return data -> banned.refuses(data.getPassword().toString(), extra)
				? new FailureRuleResult(new RuleResultDetail("BANNED", java.util.Map.of()))
				: new SuccessRuleResult();
	}

	/** Names compared without case or diacritics: {@code Berzins} is as personal as {@code Bērziņš}. */
	private static boolean containsNamePart(String password, PasswordContext context) {
		String folded = Diacritics.fold(password);
		List<String> parts = new ArrayList<>();
		for (String source : new String[] { context.displayName(), context.givenName(), context.surname(),
				localPart(context.userId()) }) {
			if (source != null) {
				for (String part : NAME_SPLIT.split(Diacritics.fold(source))) {
					if (part.length() >= MIN_NAME_PART) {
						parts.add(part);
					}
				}
			}
		}
		return parts.stream().anyMatch(folded::contains);
	}

	private static String localPart(String userId) {
		if (userId == null) {
			return "";
		}
		int at = userId.indexOf('@');
		return at > 0 ? userId.substring(0, at) : userId;
	}

	private static void addIfPresent(List<String> list, String value) {
		if (value != null && !value.isBlank()) {
			list.add(value);
		}
	}

	/** Character classes over all of Unicode's basic plane, not just ASCII. */
	enum UnicodeClass implements CharacterData {
		LOWER("INSUFFICIENT_LOWERCASE", Character::isLowerCase),
		UPPER("INSUFFICIENT_UPPERCASE", Character::isUpperCase),
		DIGIT("INSUFFICIENT_DIGIT", Character::isDigit),
		SYMBOL("INSUFFICIENT_SPECIAL",
				cp -> !Character.isLetterOrDigit(cp) && !Character.isISOControl(cp) && Character.isDefined(cp)
						&& !Character.isSurrogate((char) cp));

		private final String errorCode;
		private final String characters;

		UnicodeClass(String errorCode, IntPredicate test) {
			this.errorCode = errorCode;
			StringBuilder chars = new StringBuilder();
			IntStream.rangeClosed(0x20, 0xFFFD).filter(test).forEach(chars::appendCodePoint);
			this.characters = chars.toString();
		}

		@Override
		public String getErrorCode() {
			return errorCode;
		}

		@Override
		public String getCharacters() {
			return characters;
		}
	}
}
