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
	CONFIRM_DESTINATION(Paths.VERIFY),
	ENTER_CODE(Paths.VERIFY),
	ENTER_APP_CODE(Paths.VERIFY),
	ANSWER_QUESTIONS(Paths.VERIFY),
	AWAIT_APPROVAL(Paths.VERIFY),
	/** A call that asks for # rather than reading a code. */
	AWAIT_CALL(Paths.VERIFY),
	PASSWORD("/reset/password"),
	DONE("/reset/done");

	/** Every point of the verify page. */
	static final Set<Step> VERIFYING = EnumSet.range(CONFIRM_DESTINATION, AWAIT_CALL);

	private final String path;

	Step(String path) {
		this.path = path;
	}

	String path() {
		return path;
	}

	String redirect() {
		return "redirect:" + path;
	}

	/** The verify page's point a method's verifier names. */
	static Step of(MethodVerifier.Prompt prompt) {
		return switch (prompt) {
			case CONFIRM_DESTINATION -> CONFIRM_DESTINATION;
			case ENTER_CODE -> ENTER_CODE;
			case ENTER_APP_CODE -> ENTER_APP_CODE;
			case ANSWER_QUESTIONS -> ANSWER_QUESTIONS;
			case AWAIT_APPROVAL -> AWAIT_APPROVAL;
			case AWAIT_CALL -> AWAIT_CALL;
		};
	}

	/** This point of the verify page, as verifiers name it; only for {@link #VERIFYING} steps. */
	MethodVerifier.Prompt prompt() {
		for (MethodVerifier.Prompt prompt : MethodVerifier.Prompt.values()) {
			if (of(prompt) == this) {
				return prompt;
			}
		}
		throw new IllegalStateException(this + " is not a point of the verify page");
	}

	private static final class Paths {
		static final String VERIFY = "/reset/verify";
	}
}
