package dev.sspr.verification;

import static dev.sspr.policy.MethodKind.APP_CODE;
import static dev.sspr.policy.MethodKind.APP_NOTIFICATION;
import static dev.sspr.policy.MethodKind.EMAIL;
import static dev.sspr.policy.MethodKind.PASSKEY;
import static dev.sspr.policy.MethodKind.MOBILE_SMS;
import static dev.sspr.policy.MethodKind.MOBILE_VOICE;
import static dev.sspr.policy.MethodKind.OFFICE_VOICE;
import static dev.sspr.policy.MethodKind.SECURITY_QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sspr.directory.AccountKind;
import dev.sspr.directory.Guest;
import dev.sspr.directory.PasswordSource;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.SsprScope;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * S-32: for each method and each shape of user data, whether the method counts and with
 * which factor. The expectations are written out by hand: they are what the inventory's if-chain
 * answered before the methods became verifiers.
 */
class MethodVerifiersTests {

	private static final Registration NOTHING = new Registration(0, false);

	private final MethodVerifiers verifiers = TestVerifiers.registry();

	static UserAccount member(String authEmail, String authPhone, String office) {
		return account(authEmail, authPhone, office, null);
	}

	static UserAccount account(String authEmail, String authPhone, String office, Guest guest) {
		return new UserAccount(1, 1, "u@contoso.example", "U", "U", "U", "u@contoso.example", null, authEmail, null,
				authPhone, office, Set.of(), Set.of(), true, false, true, PasswordSource.CLOUD, 0, null, guest);
	}

	/** A policy that asks this many answers at reset, everything else as permissive as can be. */
	static SsprPolicy asking(int questionsToReset) {
		return new SsprPolicy(SsprScope.ALL, null, EnumSet.allOf(MethodKind.class), 1, 5, questionsToReset, false, 0,
				false, false, false, false, false, true);
	}

	static Map<MethodKind, String> factors(Object... kindsAndFactors) {
		java.util.Map<MethodKind, String> factors = new java.util.EnumMap<>(MethodKind.class);
		for (int i = 0; i < kindsAndFactors.length; i += 2) {
			factors.put((MethodKind) kindsAndFactors[i], (String) kindsAndFactors[i + 1]);
		}
		return factors;
	}

	static Stream<Arguments> shapes() {
		Guest withoutHome = new Guest(AccountKind.GUEST, "guest@fabrikam.example", "Guest@Fabrikam.example", null, null);
		Guest notYetProven = new Guest(AccountKind.SIGNUP, "new@outlook.example", null, null, null);
		Guest fromOrganization = new Guest(AccountKind.GUEST, "g@org.example", "g@org.example", null, "Org Ltd");
		Guest fromTenant = new Guest(AccountKind.GUEST, "g@fabrikam.example", "g@fabrikam.example", 7L, null);
		return Stream.of(
				Arguments.of("no data", member(null, null, null), NOTHING, asking(3), factors()),
				Arguments.of("email only", member("Auth@Contoso.Example", null, null), NOTHING, asking(3),
						factors(EMAIL, "email:auth@contoso.example")),
				Arguments.of("phone only", member(null, "+1 (555) 010-2000", null), NOTHING, asking(3),
						factors(MOBILE_SMS, "phone:15550102000", MOBILE_VOICE, "phone:15550102000")),
				Arguments.of("office only", member(null, null, "+44 20 7946 0000"), NOTHING, asking(3),
						factors(OFFICE_VOICE, "phone:442079460000")),
				Arguments.of("blank office", member(null, null, "  "), NOTHING, asking(3), factors()),
				Arguments.of("app", member(null, null, null), new Registration(0, true), asking(3),
						factors(APP_CODE, "app", APP_NOTIFICATION, "app")),
				Arguments.of("fewer answers than asked", member(null, null, null), new Registration(2, false), asking(3),
						factors()),
				Arguments.of("as many answers as asked", member(null, null, null), new Registration(3, false),
						asking(3), factors(SECURITY_QUESTIONS, "questions")),
				Arguments.of("more answers than asked", member(null, null, null), new Registration(5, false),
						asking(3), factors(SECURITY_QUESTIONS, "questions")),
				Arguments.of("no answers, none asked", member(null, null, null), NOTHING, asking(0), factors()),
				Arguments.of("one answer, none asked", member(null, null, null), new Registration(1, false), asking(0),
						factors(SECURITY_QUESTIONS, "questions")),
				Arguments.of("everything", member("a@contoso.example", "555 0100", "555-0199"),
						new Registration(3, true), asking(3),
						factors(APP_CODE, "app", APP_NOTIFICATION, "app", EMAIL, "email:a@contoso.example", MOBILE_SMS,
								"phone:5550100", MOBILE_VOICE, "phone:5550100", OFFICE_VOICE, "phone:5550199",
								SECURITY_QUESTIONS, "questions")),
				Arguments.of("one passkey", member(null, null, null), new Registration(0, false, 1), asking(3),
						factors(PASSKEY, "passkey")),
				Arguments.of("three passkeys are one factor", member(null, null, null), new Registration(0, false, 3),
						asking(3), factors(PASSKEY, "passkey")),
				Arguments.of("passkey and app are two factors", member(null, null, null), new Registration(0, true, 1),
						asking(3), factors(PASSKEY, "passkey", APP_CODE, "app", APP_NOTIFICATION, "app")),
				Arguments.of("guest without a home", account("a@contoso.example", "555 0100", "555-0199", withoutHome),
						new Registration(5, true, 2), asking(3), factors(EMAIL, "email:guest@fabrikam.example")),
				Arguments.of("sign-up user before proving", account(null, null, null, notYetProven),
						new Registration(5, true, 2), asking(3), factors()),
				Arguments.of("guest of an organization", account("a@contoso.example", "555 0100", "555-0199",
						fromOrganization), new Registration(5, true, 2), asking(3), factors()),
				Arguments.of("guest of another tenant", account("a@contoso.example", "555 0100", "555-0199",
						fromTenant), new Registration(5, true, 2), asking(3), factors()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void whenUserHasThisDataThenEachMethodCountsWithItsFactor(String shape, UserAccount user, Registration registration,
			SsprPolicy policy, Map<MethodKind, String> expected) {
		for (MethodKind kind : MethodKind.values()) {
			assertThat(verifiers.of(kind).availableTo(user, registration, policy))
					.as("%s for %s", kind, shape)
					.isEqualTo(Optional.ofNullable(expected.get(kind)).map(factor -> new AvailableMethod(kind, factor)));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void whenInventoryListsMethodsThenPasskeyFirstThenAppEmailPhonesAndQuestions(String shape, UserAccount user,
			Registration registration, SsprPolicy policy, Map<MethodKind, String> expected) {
		List<MethodKind> order = List.of(PASSKEY, APP_CODE, APP_NOTIFICATION, EMAIL, MOBILE_SMS, MOBILE_VOICE, OFFICE_VOICE,
				SECURITY_QUESTIONS);
		assertThat(TestVerifiers.inventory().availableMethods(user, policy, registration)).containsExactlyElementsOf(
				order.stream().filter(expected::containsKey).map(k -> new AvailableMethod(k, expected.get(k))).toList());
	}

	@Test
	void whenEveryKindHasAVerifierThenEachIsFoundByItsKind() {
		for (MethodKind kind : MethodKind.values()) {
			assertThat(verifiers.of(kind).kind()).isEqualTo(kind);
		}
		assertThat(verifiers.listed()).hasSize(MethodKind.values().length);
	}

	@Test
	void whenAKindHasNoVerifierOrTwoThenStartUpFails() {
		assertThatIllegalStateException().isThrownBy(() -> new MethodVerifiers(List.of(new EmailCodeVerifier(null))));
		List<MethodVerifier> twice = Stream.concat(verifiers.listed().stream(), Stream.of(new EmailCodeVerifier(null)))
				.toList();
		assertThatIllegalStateException().isThrownBy(() -> new MethodVerifiers(twice));
	}

	@Test
	void whenDestinationTypedThenEmailIgnoresCaseAndPhonesCompareDigits() {
		MethodVerifier email = verifiers.of(EMAIL);
		assertThat(email.sameDestination(" A@Contoso.example ", "a@contoso.example")).isTrue();
		assertThat(email.sameDestination("b@contoso.example", "a@contoso.example")).isFalse();
		assertThat(email.sameDestination(null, "a@contoso.example")).isFalse();
		for (MethodKind phone : List.of(MOBILE_SMS, MOBILE_VOICE, OFFICE_VOICE)) {
			MethodVerifier verifier = verifiers.of(phone);
			assertThat(verifier.sameDestination("+1 555-010-2000", "+1 (555) 010 2000")).isTrue();
			assertThat(verifier.sameDestination("+1 555-010-2001", "+1 (555) 010 2000")).isFalse();
			assertThat(verifier.sameDestination("---", "---")).isFalse();
			assertThat(verifier.sameDestination(null, "+1 555 010 2000")).isFalse();
		}
		for (MethodKind none : List.of(APP_CODE, APP_NOTIFICATION, SECURITY_QUESTIONS)) {
			assertThat(verifiers.of(none).destination(member("a@contoso.example", "555", "556"))).isNull();
			assertThat(verifiers.of(none).maskedDestination(member("a@contoso.example", "555", "556"))).isNull();
		}
	}

	@Test
	void whenProofFailsThenEachMethodNamesItsOwnMessages() {
		MethodVerifier.Prompt code = MethodVerifier.Prompt.ENTER_CODE;
		MethodVerifier.Prompt call = MethodVerifier.Prompt.AWAIT_CALL;
		assertThat(verifiers.of(EMAIL).messages(code).wrong()).isEqualTo("reset.verify.code.wrong");
		assertThat(verifiers.of(EMAIL).messages(code).expired()).isEqualTo("reset.verify.code.expired");
		assertThat(verifiers.of(APP_CODE).messages(MethodVerifier.Prompt.ENTER_APP_CODE).wrong())
				.isEqualTo("reset.verify.code.wrong");
		assertThat(verifiers.of(SECURITY_QUESTIONS).messages(MethodVerifier.Prompt.ANSWER_QUESTIONS).wrong())
				.isEqualTo("reset.verify.questions.wrong");
		assertThat(verifiers.of(APP_NOTIFICATION).messages(MethodVerifier.Prompt.AWAIT_APPROVAL))
				.isEqualTo(new MethodVerifier.ProofMessages("reset.verify.notification.pending",
						"reset.verify.notification.expired", "reset.verify.notification.denied"));
		for (MethodKind phoneCall : List.of(MOBILE_VOICE, OFFICE_VOICE)) {
			assertThat(verifiers.of(phoneCall).messages(call)).isEqualTo(new MethodVerifier.ProofMessages(
					"reset.verify.call.pending", "reset.verify.call.expired", "reset.verify.call.denied"));
			assertThat(verifiers.of(phoneCall).messages(code).wrong()).isEqualTo("reset.verify.code.wrong");
		}
		assertThat(verifiers.of(EMAIL).destinationMismatchKey()).isEqualTo("reset.verify.destination.mismatchEmail");
		assertThat(verifiers.of(MOBILE_SMS).destinationMismatchKey()).isEqualTo("reset.verify.destination.mismatchPhone");
	}
}
