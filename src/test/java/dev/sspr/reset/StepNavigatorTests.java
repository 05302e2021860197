package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.directory.TenantInfo;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.RefusalReason;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.reset.ResetFlow.Challenge;
import dev.sspr.reset.ResetFlow.MethodOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wizard's navigation as a table: flow state in, the step that is due out. */
class StepNavigatorTests {

	static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
	static final TenantInfo TENANT = new TenantInfo(1, "contoso", "Contoso", null, null);
	static final List<MethodOption> OPTIONS = List.of(
			new MethodOption(MethodKind.EMAIL, "email:x", "a*****@c*****.com"),
			new MethodOption(MethodKind.MOBILE_SMS, "phone:1", "*******12"),
			new MethodOption(MethodKind.MOBILE_VOICE, "phone:1", "*******12"),
			new MethodOption(MethodKind.SECURITY_QUESTIONS, "questions", null));

	static ResetFlow flow(int required, RefusalReason refusal, Instant expires) {
		return new ResetFlow("f", expires, "u@contoso.example", TENANT, refusal == null ? 7L : null, 0,
				SsprPolicy.decoy(), refusal, required, refusal == null ? OPTIONS : List.of(), false);
	}

	static Arguments row(String name, int required, RefusalReason refusal, Instant expires, Consumer<ResetFlow> steps,
			Step expected) {
		return Arguments.of(name, required, refusal, expires, steps, expected);
	}

	static Consumer<ResetFlow> prove(MethodKind kind) {
		return f -> {
			f.startChallenge(new Challenge(kind, Step.ENTER_CODE, List.of()));
			f.markProven();
		};
	}

	static Stream<Arguments> table() {
		Instant later = NOW.plusSeconds(600);
		Consumer<ResetFlow> nothing = f -> { };
		return Stream.of(
				row("refused flow shows contact page", 1, RefusalReason.NOT_LICENSED, later, nothing, Step.CONTACT_ADMIN),
				row("unknown user is refused like others", 1, RefusalReason.ACCOUNT_NOT_FOUND, later, nothing, Step.CONTACT_ADMIN),
				row("fresh eligible flow chooses a method", 1, null, later, nothing, Step.METHOD),
				row("challenge started goes to verify", 1, null, later,
						f -> f.startChallenge(new Challenge(MethodKind.EMAIL, Step.CONFIRM_DESTINATION, List.of())), Step.CONFIRM_DESTINATION),
				row("challenge cancelled goes back to methods", 1, null, later,
						f -> { f.startChallenge(new Challenge(MethodKind.EMAIL, Step.ENTER_CODE, List.of())); f.cancelChallenge(); }, Step.METHOD),
				row("one of one proven goes to password", 1, null, later, prove(MethodKind.EMAIL), Step.PASSWORD),
				row("one of two proven chooses again", 2, null, later, prove(MethodKind.EMAIL), Step.METHOD),
				row("a proof accepted twice (double submit) counts once", 2, null, later,
						prove(MethodKind.EMAIL).andThen(ResetFlow::markProven), Step.METHOD),
				row("a code sent waits for the code", 1, null, later,
						f -> f.startChallenge(new Challenge(MethodKind.MOBILE_SMS, Step.ENTER_CODE, List.of())), Step.ENTER_CODE),
				row("an app notification waits for the approval", 1, null, later,
						f -> f.startChallenge(new Challenge(MethodKind.APP_NOTIFICATION, Step.AWAIT_APPROVAL, List.of())),
						Step.AWAIT_APPROVAL),
				row("two of two proven goes to password", 2, null, later,
						prove(MethodKind.EMAIL).andThen(prove(MethodKind.SECURITY_QUESTIONS)), Step.PASSWORD),
				row("blocked flow says try later", 2, null, later, ResetFlow::block, Step.TRY_LATER),
				row("blocked beats proven", 1, null, later, prove(MethodKind.EMAIL).andThen(ResetFlow::block), Step.TRY_LATER),
				row("a consumer account is sent to its provider", 1, null, later,
						f -> f.sendElsewhere(new ResetFlow.Elsewhere(true, "Microsoft", "outlook.com", "https://x.example", null)),
						Step.ELSEWHERE),
				row("elsewhere stays elsewhere even with a challenge tried", 1, null, later,
						f -> { f.sendElsewhere(new ResetFlow.Elsewhere(false, "Northwind", null, null, null));
							f.startChallenge(new Challenge(MethodKind.EMAIL, Step.ENTER_CODE, List.of())); }, Step.ELSEWHERE),
				row("an elsewhere flow that ran out starts over", 1, null, NOW,
						f -> f.sendElsewhere(new ResetFlow.Elsewhere(true, "Google", "gmail.com", "https://x.example", null)),
						Step.IDENTIFY),
				row("expired flow starts over", 1, null, NOW, nothing, Step.IDENTIFY),
				row("expired by a reset elsewhere starts over", 1, null, later, ResetFlow::expire, Step.IDENTIFY),
				row("completed flow shows done", 1, null, later,
						prove(MethodKind.EMAIL).andThen(f -> f.complete(ResetFlow.Outcome.PASSWORD_RESET)), Step.DONE),
				row("completed flow shows done even after expiry", 1, null, NOW,
						f -> f.complete(ResetFlow.Outcome.UNLOCKED), Step.DONE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void whenFlowInStateThenStepIsDue(String name, int required, RefusalReason refusal, Instant expires,
			Consumer<ResetFlow> steps, Step expected) {
		ResetFlow flow = flow(required, refusal, expires);
		steps.accept(flow);

		assertThat(StepNavigator.next(flow, NOW)).as(name).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void whenNoFlowThenIdentify() {
		assertThat(StepNavigator.next(null, NOW)).isEqualTo(Step.IDENTIFY);
	}

	@org.junit.jupiter.api.Test
	void whenOneFactorProvenThenItsSiblingMethodIsNoLongerOffered() {
		ResetFlow flow = flow(2, null, NOW.plusSeconds(60));
		prove(MethodKind.MOBILE_SMS).accept(flow);

		assertThat(flow.remainingOptions()).extracting(MethodOption::kind)
				.containsExactly(MethodKind.EMAIL, MethodKind.SECURITY_QUESTIONS);
	}
}
