package dev.sspr.policy;

import static dev.sspr.policy.MethodKind.APP_CODE;
import static dev.sspr.policy.MethodKind.APP_NOTIFICATION;
import static dev.sspr.policy.MethodKind.EMAIL;
import static dev.sspr.policy.MethodKind.MOBILE_SMS;
import static dev.sspr.policy.MethodKind.MOBILE_VOICE;
import static dev.sspr.policy.MethodKind.OFFICE_VOICE;
import static dev.sspr.policy.MethodKind.SECURITY_QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** R-12 in order, R-13 counting, R-15 app code vs notification, R-16 admin two-gate, S-32 factors. */
class EligibilityTests {

	static final AvailableMethod APP = new AvailableMethod(APP_CODE, "app");
	static final AvailableMethod APP_PUSH = new AvailableMethod(APP_NOTIFICATION, "app");
	static final AvailableMethod MAIL = new AvailableMethod(EMAIL, "email:a@b.example");
	static final AvailableMethod SMS = new AvailableMethod(MOBILE_SMS, "phone:15550100");
	static final AvailableMethod CALL = new AvailableMethod(MOBILE_VOICE, "phone:15550100");
	static final AvailableMethod OFFICE = new AvailableMethod(OFFICE_VOICE, "phone:15550200");
	static final AvailableMethod OFFICE_SAME_NUMBER = new AvailableMethod(OFFICE_VOICE, "phone:15550100");
	static final AvailableMethod QUESTIONS = new AvailableMethod(SECURITY_QUESTIONS, "questions");
	static final AvailableMethod KEY = new AvailableMethod(MethodKind.PASSKEY, "passkey");

	/** A builder for subjects, so each row says only what differs from an ordinary eligible user. */
	static final class People {
		boolean exists = true;
		boolean enabled = true;
		Set<String> groups = Set.of("SSPR Users");
		boolean licensed = true;
		boolean admin;
		boolean onPremises;
		List<AvailableMethod> methods = new ArrayList<>(List.of(MAIL, SMS));

		static People user() {
			return new People();
		}

		People disabled() { enabled = false; return this; }
		People inGroups(String... names) { groups = Set.of(names); return this; }
		People unlicensed() { licensed = false; return this; }
		People administrator() { admin = true; return this; }
		People onPremises() { onPremises = true; return this; }
		People with(AvailableMethod... available) { methods = List.of(available); return this; }

		Subject build() {
			return new Subject(exists, enabled, groups, licensed, admin, onPremises, methods);
		}
	}

	static SsprPolicy policy(SsprScope scope, int required, MethodKind... enabled) {
		return new SsprPolicy(scope, "SSPR Users", EnumSet.of(enabled[0], enabled), required, 3, 3, false, 0, true,
				false, false, false, false, true);
	}

	static SsprPolicy withWriteback(SsprPolicy p, boolean on) {
		return new SsprPolicy(p.scope(), p.scopeGroup(), p.enabledMethods(), p.methodsRequired(), 3, 3, false, 0,
				true, false, on, false, false, true);
	}

	static final SsprPolicy ALL_ONE = policy(SsprScope.ALL, 1, EMAIL, MOBILE_SMS, MOBILE_VOICE, OFFICE_VOICE,
			SECURITY_QUESTIONS, APP_CODE, APP_NOTIFICATION);
	static final SsprPolicy ALL_TWO = policy(SsprScope.ALL, 2, EMAIL, MOBILE_SMS, MOBILE_VOICE, OFFICE_VOICE,
			SECURITY_QUESTIONS, APP_CODE, APP_NOTIFICATION);
	static final SsprPolicy GROUP_TWO = policy(SsprScope.SELECTED, 2, EMAIL, MOBILE_SMS, SECURITY_QUESTIONS, APP_CODE);
	static final SsprPolicy NONE = policy(SsprScope.NONE, 1, EMAIL);

	static Stream<Arguments> table() {
		return Stream.of(
				// name, subject, policy, writeback deployed, expected refusal (null = eligible)
				Arguments.of("unknown account", Subject.unknown(), ALL_ONE, true, RefusalReason.ACCOUNT_NOT_FOUND),
				Arguments.of("disabled account", People.user().disabled().build(), ALL_ONE, true, RefusalReason.ACCOUNT_DISABLED),
				Arguments.of("disabled beats everything after it", People.user().disabled().unlicensed().with().build(), NONE, false, RefusalReason.ACCOUNT_DISABLED),
				Arguments.of("scope none", People.user().build(), NONE, true, RefusalReason.NOT_ENABLED),
				Arguments.of("scope selected, not in group", People.user().inGroups("Sales").build(), GROUP_TWO, true, RefusalReason.NOT_ENABLED),
				Arguments.of("scope selected, group matches case-insensitively", People.user().inGroups("sspr users").with(MAIL, QUESTIONS).build(), GROUP_TWO, true, null),
				Arguments.of("not enabled beats unlicensed", People.user().inGroups().unlicensed().build(), GROUP_TWO, true, RefusalReason.NOT_ENABLED),
				Arguments.of("unlicensed", People.user().unlicensed().build(), ALL_ONE, true, RefusalReason.NOT_LICENSED),
				Arguments.of("unlicensed beats methods", People.user().unlicensed().with().build(), ALL_ONE, true, RefusalReason.NOT_LICENSED),
				Arguments.of("one required, none registered", People.user().with().build(), ALL_ONE, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("one required, one registered", People.user().with(MAIL).build(), ALL_ONE, true, null),
				Arguments.of("two required, one registered", People.user().with(MAIL).build(), ALL_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("two required, two registered", People.user().with(MAIL, QUESTIONS).build(), ALL_TWO, true, null),
				Arguments.of("method not enabled by admin does not count", People.user().with(MAIL, OFFICE).build(), GROUP_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("S-32 text and call to one phone are one factor", People.user().with(SMS, CALL).build(), ALL_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("S-32 office phone with the mobile's number is the same factor", People.user().with(SMS, OFFICE_SAME_NUMBER).build(), ALL_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("S-32 office phone on another number is another factor", People.user().with(SMS, OFFICE).build(), ALL_TWO, true, null),
				Arguments.of("R-15 one required: notification alone does not count", People.user().with(APP_PUSH).build(), ALL_ONE, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("R-15 one required: app code counts", People.user().with(APP).build(), ALL_ONE, true, null),
				Arguments.of("R-15 two required: notification counts as the app factor", People.user().with(APP_PUSH, MAIL).build(), ALL_TWO, true, null),
				Arguments.of("R-15 two required: code and notification are one app", People.user().with(APP, APP_PUSH).build(), ALL_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("R-16 admin enabled whatever the scope", People.user().administrator().inGroups().with(MAIL, APP).build(), NONE, true, null),
				Arguments.of("R-16 admin needs two even when the tenant needs one", People.user().administrator().with(MAIL).build(), ALL_ONE, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("R-16 admin never with security questions", People.user().administrator().with(MAIL, QUESTIONS).build(), ALL_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("R-16 admin office phone counts even when tenant disabled it", People.user().administrator().with(MAIL, OFFICE).build(), GROUP_TWO, true, null),
				Arguments.of("passkey alone when one is required", People.user().with(KEY).build(), policy(SsprScope.ALL, 1, MethodKind.PASSKEY), true, null),
				Arguments.of("passkey not enabled does not count", People.user().with(KEY).build(), ALL_ONE, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("passkey and email are two factors", People.user().with(KEY, MAIL).build(), policy(SsprScope.ALL, 2, MethodKind.PASSKEY, EMAIL), true, null),
				Arguments.of("R-16 admin passkey is one of the two gates", People.user().administrator().with(KEY, MAIL).build(), ALL_ONE, true, null),
				Arguments.of("R-16 admin passkey alone is one gate", People.user().administrator().with(KEY).build(), ALL_TWO, true, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("R-16 admin still needs a license", People.user().administrator().unlicensed().with(MAIL, APP).build(), ALL_TWO, true, RefusalReason.NOT_LICENSED),
				Arguments.of("on premises, writeback off", People.user().onPremises().build(), ALL_ONE, true, RefusalReason.WRITEBACK_UNAVAILABLE),
				Arguments.of("on premises, writeback on but not deployed", People.user().onPremises().build(), withWriteback(ALL_ONE, true), false, RefusalReason.WRITEBACK_UNAVAILABLE),
				Arguments.of("on premises, writeback on and deployed", People.user().onPremises().build(), withWriteback(ALL_ONE, true), true, null),
				Arguments.of("methods are checked before writeback", People.user().onPremises().with().build(), ALL_ONE, false, RefusalReason.NOT_ENOUGH_METHODS),
				Arguments.of("cloud user ignores writeback", People.user().build(), ALL_ONE, false, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void whenSubjectAndPolicyThenVerdictFollowsR12(String name, Subject subject, SsprPolicy policy, boolean writeback,
			RefusalReason expected) {
		EligibilityVerdict verdict = Eligibility.evaluate(subject, policy, writeback);

		assertThat(verdict.refusal()).as(name).isEqualTo(expected);
		assertThat(verdict.eligible()).isEqualTo(expected == null);
		if (expected != null) {
			assertThat(verdict.usableMethods()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void whenEligibleThenUsableMethodsAreEnabledOnesOnly(String name, Subject subject, SsprPolicy policy,
			boolean writeback, RefusalReason expected) {
		EligibilityVerdict verdict = Eligibility.evaluate(subject, policy, writeback);
		Set<MethodKind> permitted = subject.administrator() ? MethodKind.ADMIN_METHODS : policy.enabledMethods();

		assertThat(verdict.usableMethods()).allMatch(m -> permitted.contains(m.kind()));
		if (verdict.methodsRequired() == 1) {
			assertThat(verdict.usableMethods()).noneMatch(m -> m.kind() == APP_NOTIFICATION);
		}
		if (verdict.eligible()) {
			assertThat(Eligibility.distinctFactors(verdict.usableMethods())).isGreaterThanOrEqualTo(verdict.methodsRequired());
		}
	}
}
