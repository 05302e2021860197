package dev.sspr.reset;

import dev.sspr.verification.MethodVerifier;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a flow stands, and so which page is due: one list for the wizard's pages and for the
 * points of the verify page (what the current challenge waits for). {@link StepNavigator} picks
 * one; {@link ResetStep} on a handler says which it serves.
 */
enum Step {
	IDENTIFY("/reset"),
	CONTACT_ADMIN("/reset/contact-admin"),
	TRY_LATER("/reset/try-later"),
	/** Not this portal's password to reset: a consumer account, or a guest from an outside organization. */
	ELSEWHERE("/reset/elsewhere"),
	METHOD("/reset/method"),
	/** The user types the full email address or phone number the code goes to. */
	CONFIRM_DESTINATION(MethodVerifier.Prompt.CONFIRM_DESTINATION),
	ENTER_CODE(MethodVerifier.Prompt.ENTER_CODE),
	ENTER_APP_CODE(MethodVerifier.Prompt.ENTER_APP_CODE),
	ANSWER_QUESTIONS(MethodVerifier.Prompt.ANSWER_QUESTIONS),
	AWAIT_APPROVAL(MethodVerifier.Prompt.AWAIT_APPROVAL),
	/** The user's device proves a passkey (WebAuthn) against the flow's challenge. */
	USE_PASSKEY(MethodVerifier.Prompt.USE_PASSKEY),
	/** A call that asks for # rather than reading a code. */
	AWAIT_CALL(MethodVerifier.Prompt.AWAIT_CALL),
	PASSWORD("/reset/password"),
	DONE("/reset/done");

	/** Every point of the verify page. */
	static final Set<Step> VERIFYING = EnumSet.range(CONFIRM_DESTINATION, AWAIT_CALL);

	private final String path;
	/** The verifier's name for this point of the verify page; null for the wizard's own pages. */
	private final MethodVerifier.Prompt prompt;

	Step(String path) {
		this.path = path;
		this.prompt = null;
	}

	/** A point of the verify page, as a method's verifier names it. */
	Step(MethodVerifier.Prompt prompt) {
		this.path = Paths.VERIFY;
		this.prompt = prompt;
	}

	String path() {
		return path;
	}

	String redirect() {
		return "redirect:" + path;
	}

	/** The verify page's point a method's verifier names. */
	static Step of(MethodVerifier.Prompt prompt) {
		for (Step step : VERIFYING) {
			if (step.prompt == prompt) {
				return step;
			}
		}
		throw new IllegalArgumentException("no step for " + prompt);
	}

	/** How a method's verifier names this point of the verify page. */
	MethodVerifier.Prompt prompt() {
		if (prompt == null) {
			throw new IllegalStateException(this + " is not a point of the verify page");
		}
		return prompt;
	}

	private static final class Paths {
		static final String VERIFY = "/reset/verify";
	}
}
