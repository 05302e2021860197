package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.SsprScope;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** R-61 and the policy limits, rule by rule: each broken rule names its field, and nothing comes out. */
class PolicyValidatorTests {

	static PolicyForm valid() {
		return new PolicyForm("ALL", "", List.of("email", "mobile-sms", "security-questions"), "1", "3", "3",
				"Where did we first meet?", "true", "180", "true", null, null, null, null, "contoso\nfabrikam",
				"https://apps.example.com", null, "true");
	}

	static PolicyForm with(UnaryOperator<Object[]> change) {
		PolicyForm f = valid();
		Object[] v = { f.scope(), f.scopeGroup(), f.methods(), f.methodsRequired(), f.questionsToRegister(),
				f.questionsToReset(), f.customQuestions(), f.requireRegistration(), f.reconfirmDays(), f.notifyUsers(),
				f.notifyAdmins(), f.writebackEnabled(), f.unlockWithoutReset(), f.showRefusalReason(), f.bannedTerms(),
				f.returnToOrigins(), f.confirmedImpact(), f.externalUsersReset() };
		v = change.apply(v);
		@SuppressWarnings("unchecked")
		List<String> methods = (List<String>) v[2];
		return new PolicyForm((String) v[0], (String) v[1], methods, (String) v[3], (String) v[4], (String) v[5],
				(String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10], (String) v[11],
				(String) v[12], (String) v[13], (String) v[14], (String) v[15], (String) v[16], (String) v[17]);
	}

	static UnaryOperator<Object[]> set(int index, Object value) {
		return v -> {
			v[index] = value;
			return v;
		};
	}

	static BindingResult errors(PolicyForm form) {
		return new BeanPropertyBindingResult(form, "policyForm");
	}

	@Test
	void whenEverythingIsRightThenTheSettingsComeOut() {
		BindingResult errors = errors(valid());
		Optional<PolicySettings> settings = PolicyValidator.validate(valid(), errors);
		assertThat(errors.hasErrors()).isFalse();
		assertThat(settings).get().satisfies(s -> {
			assertThat(s.policy().scope()).isEqualTo(SsprScope.ALL);
			assertThat(s.policy().enabledMethods())
					.containsExactlyInAnyOrder(MethodKind.EMAIL, MethodKind.MOBILE_SMS, MethodKind.SECURITY_QUESTIONS);
			assertThat(s.policy().requireRegistration()).isTrue();
			assertThat(s.policy().notifyAdmins()).isFalse();
			assertThat(s.customQuestions()).containsExactly("Where did we first meet?");
			assertThat(s.bannedTerms()).containsExactlyInAnyOrder("contoso", "fabrikam");
			assertThat(s.returnToOrigins()).containsExactly("https://apps.example.com");
		});
	}

	static List<Arguments> brokenRules() {
		String longQuestion = "x".repeat(201);
		String manyTerms = IntStream.range(0, 1001).mapToObj(i -> "term" + i).collect(Collectors.joining("\n"));
		return List.of(
				Arguments.of("no method at all", set(2, List.of()), "methods", "admin.policy.methods.tooFew"),
				Arguments.of("one method, two required", with2(set(2, List.of("email"))), "methods", "admin.policy.methods.tooFew"),
				Arguments.of("app alone with one required", set(2, List.of("app-code")), "methods", "admin.policy.methods.appNeedsOthers"),
				Arguments.of("app and one other with two required",
						with2(set(2, List.of("app-code", "app-notification", "email"))), "methods", "admin.policy.methods.appNeedsOthers"),
				Arguments.of("app codes and notifications with only a passkey beside them, two required",
						with2(set(2, List.of("app-code", "app-notification", "passkey"))), "methods", "admin.policy.methods.appNeedsOthers"),
				Arguments.of("a passkey alone with two required", with2(set(2, List.of("passkey"))), "methods", "admin.policy.methods.tooFew"),
				Arguments.of("unknown method", set(2, List.of("carrier-pigeon")), "methods", "admin.policy.error.invalid"),
				Arguments.of("three methods required", set(3, "3"), "methodsRequired", "admin.policy.methodsRequired.invalid"),
				Arguments.of("required not a number", set(3, "two"), "methodsRequired", "admin.policy.methodsRequired.invalid"),
				Arguments.of("more to reset than to register", chain(set(4, "3"), set(5, "4")), "questionsToReset",
						"admin.policy.questionsToReset.moreThanRegister"),
				Arguments.of("two questions to register", set(4, "2"), "questionsToRegister", "admin.policy.questions.range"),
				Arguments.of("six questions to reset", set(5, "6"), "questionsToReset", "admin.policy.questions.range"),
				Arguments.of("unknown scope", set(0, "SOME"), "scope", "admin.policy.error.invalid"),
				Arguments.of("selected group without a group", set(0, "SELECTED"), "scopeGroup", "admin.policy.scopeGroup.required"),
				Arguments.of("reconfirm 731 days", set(8, "731"), "reconfirmDays", "admin.policy.reconfirmDays.range"),
				Arguments.of("reconfirm -1 days", set(8, "-1"), "reconfirmDays", "admin.policy.reconfirmDays.range"),
				Arguments.of("a question of 201 characters", set(6, longQuestion), "customQuestions", "admin.policy.customQuestions.tooLong"),
				Arguments.of("51 custom questions", set(6, IntStream.range(0, 51).mapToObj(i -> "Question " + i + "?")
						.collect(Collectors.joining("\n"))), "customQuestions", "admin.policy.customQuestions.tooMany"),
				Arguments.of("a banned term of 3 letters", set(14, "abc"), "bannedTerms", "admin.policy.bannedTerms.length"),
				Arguments.of("1,001 banned terms", set(14, manyTerms), "bannedTerms", "admin.policy.bannedTerms.tooMany"),
				Arguments.of("an http origin", set(15, "http://apps.example.com"), "returnToOrigins", "admin.policy.returnToOrigins.invalid"),
				Arguments.of("an origin with a path", set(15, "https://apps.example.com/x"), "returnToOrigins", "admin.policy.returnToOrigins.invalid"),
				Arguments.of("an origin with user info", set(15, "https://me@apps.example.com"), "returnToOrigins", "admin.policy.returnToOrigins.invalid"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void whenARuleIsBrokenThenItsFieldSaysSoAndNothingComesOut(String name, UnaryOperator<Object[]> change, String field,
			String code) {
		PolicyForm form = with(change);
		BindingResult errors = errors(form);
		assertThat(PolicyValidator.validate(form, errors)).isEmpty();
		assertThat(errors.getFieldErrors(field)).as(name).extracting(e -> e.getCode()).contains(code);
	}

	@Test
	void whenTheAppHasEnoughCompanionsThenItIsAccepted() {
		PolicyForm one = with(set(2, List.of("app-code", "email")));
		assertThat(PolicyValidator.validate(one, errors(one))).isPresent();
		PolicyForm two = with(chain(set(3, "2"), set(2, List.of("app-code", "app-notification", "email", "mobile-sms"))));
		assertThat(PolicyValidator.validate(two, errors(two))).isPresent();
	}

	/** a passkey is no app method (its channel is the device), so it is one of the app's companions. */
	@Test
	void whenAPasskeyIsEnabledBesideTheAppThenItCountsAsAnotherMethod() {
		assertThat(MethodKind.PASSKEY.channel()).isNotEqualTo(MethodKind.Channel.APP);
		PolicyForm one = with(set(2, List.of("app-code", "passkey")));
		assertThat(PolicyValidator.validate(one, errors(one))).get()
				.satisfies(s -> assertThat(s.policy().enabledMethods()).containsExactlyInAnyOrder(MethodKind.APP_CODE, MethodKind.PASSKEY));
		PolicyForm two = with(chain(set(3, "2"), set(2, List.of("app-code", "app-notification", "passkey", "email"))));
		assertThat(PolicyValidator.validate(two, errors(two))).isPresent();
		PolicyForm alone = with(set(2, List.of("passkey")));
		assertThat(PolicyValidator.validate(alone, errors(alone))).get()
				.satisfies(s -> assertThat(s.policy().enabledMethods()).containsExactly(MethodKind.PASSKEY));
	}

	@Test
	void whenTermsAndOriginsRepeatOrDifferInCaseThenEachIsKeptOnce() {
		PolicyForm form = with(chain(set(14, "Contoso\ncontoso\n  \nCONTOSO"), set(15, "https://Apps.Example.com\nhttps://apps.example.com")));
		PolicySettings settings = PolicyValidator.validate(form, errors(form)).orElseThrow();
		assertThat(settings.bannedTerms()).containsExactly("contoso");
		assertThat(settings.returnToOrigins()).containsExactly("https://apps.example.com");
	}

	@Test
	void whenTheScopeIsNotSelectedThenTheGroupIsDropped() {
		PolicyForm form = with(set(1, "Some Group"));
		assertThat(PolicyValidator.validate(form, errors(form)).orElseThrow().policy().scopeGroup()).isNull();
	}

	private static UnaryOperator<Object[]> with2(UnaryOperator<Object[]> change) {
		return chain(set(3, "2"), change);
	}

	private static UnaryOperator<Object[]> chain(UnaryOperator<Object[]> first, UnaryOperator<Object[]> second) {
		return v -> second.apply(first.apply(v));
	}
}
