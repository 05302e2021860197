package dev.sspr.reset;

import java.time.Instant;

/**
 * Which step is due, from the flow alone: no side effects, so it can be tested as a table and
 * asked before every handler ({@link ResetStepInterceptor}). Editing the address bar cannot skip a step.
 */
final class StepNavigator {

	private StepNavigator() {
	}

	static Step next(ResetFlow flow, Instant now) {
		if (flow == null) {
			return Step.IDENTIFY;
		}
		if (flow.completed()) {
			return Step.DONE;
		}
		if (flow.expired(now)) {
			return Step.IDENTIFY;
		}
		if (flow.elsewhere().isPresent()) {
			return Step.ELSEWHERE;
		}
		if (flow.refused()) {
			return Step.CONTACT_ADMIN;
		}
		if (flow.blocked()) {
			return Step.TRY_LATER;
		}
		if (flow.allProven()) {
			return Step.PASSWORD;
		}
		return flow.challenge() != null ? flow.challenge().step() : Step.METHOD;
	}

	/** The address of the due step, with a word of explanation when a flow ran out. */
	static String redirectToDue(ResetFlow flow, Instant now) {
		Step due = next(flow, now);
		return due == Step.IDENTIFY && flow != null ? Step.IDENTIFY.redirect() + "?expired" : due.redirect();
	}
}
