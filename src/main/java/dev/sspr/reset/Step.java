package dev.sspr.reset;

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

	private static final class Paths {
		static final String VERIFY = "/reset/verify";
	}
}
