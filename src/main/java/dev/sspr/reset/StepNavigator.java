package dev.sspr.reset;

import java.time.Instant;

/**
 * Which page is due, from the flow alone: no side effects, so it can be tested as a table and
 * asked by every handler. Editing the address bar cannot skip a step.
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
		if (flow.refused()) {
			return Step.CONTACT_ADMIN;
		}
		if (flow.blocked()) {
			return Step.TRY_LATER;
		}
		if (flow.allProven()) {
			return Step.PASSWORD;
		}
		return flow.challenge() != null ? Step.VERIFY : Step.METHOD;
	}
}
