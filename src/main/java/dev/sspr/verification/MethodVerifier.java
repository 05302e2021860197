package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one method of proof knows about itself: what it needs from the user's data, whether
 * it counts for them, how its challenge starts, how its proof is checked and which message keys its page
 * uses. One bean per {@link MethodKind}, found through {@link MethodVerifiers}, so that callers ask the
 * method instead of switching on its kind, and adding a method is one class (plus templates and messages).
 */
public interface MethodVerifier {

	MethodKind kind();

	/**
	 * The method with its factor (S-32) when this user has the data for it under this policy (R-13 to
	 * R-16); empty otherwise. Pure: no lookups, so the console can judge a whole tenant at once.
	 */
	Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy);

	/** Where the proof is sent (an address, a number); null for methods that send nothing. */
	default String destination(UserAccount user) {
		return null;
	}

	/** The destination as the method page shows it; null when there is none. */
	default String maskedDestination(UserAccount user) {
		return null;
	}

	/** Whether what the user typed names the destination; never true for a method without one. */
	default boolean sameDestination(String typed, String actual) {
		return false;
	}

	/** The message key beside the field when the typed destination does not match. */
	default String destinationMismatchKey() {
		return null;
	}

	/** Starts a challenge for a flow: where the verify page begins, with what it asks. */
	Opening open(String flowId, long userPk, SsprPolicy policy);

	/** Where the verify page goes once the destination is confirmed; only methods that send something. */
	default Prompt afterConfirmation() {
		throw new IllegalStateException(kind() + " sends nothing");
	}

	/** Sends the code (or places the call) for a confirmed destination; only methods that send something. */
	default SendOutcome send(CodeRequest request) {
		throw new IllegalStateException(kind() + " sends nothing");
	}

	/**
	 * Checks a code that proves a new destination while the user registers it: a wrong one uses
	 * up the code's tries but does not count against the account. Only methods that send a code.
	 */
	default Check checkNewDestination(String flowId, long userPk, String code) {
		throw new IllegalStateException(kind() + " sends no code");
	}

	/** Checks a proof for this method; what a wrong one costs is the method's own rule (S-10, S-22). */
	Check check(Proof proof);

	/** The message keys for an outcome that is not a success, at this point of the verify page. */
	ProofMessages messages(Prompt at);

	/** The points of the verify page, as the reset flow names them (its own steps, minus the wizard's). */
	enum Prompt { CONFIRM_DESTINATION, ENTER_CODE, ENTER_APP_CODE, ANSWER_QUESTIONS, AWAIT_APPROVAL, USE_PASSKEY, AWAIT_CALL }

	/**
	 * How a challenge starts.
	 *
	 * @param questions the questions asked (security questions only)
	 * @param approvalNumber the number to match on the signed-in device (app notification only), else 0
	 * @param passkey the challenge and the user's own passkeys (passkey only), else null
	 */
	record Opening(Prompt prompt, List<AskedQuestion> questions, int approvalNumber, AssertionRequest passkey) {

		public Opening {
			questions = List.copyOf(questions);
		}

		Opening(Prompt prompt, List<AskedQuestion> questions, int approvalNumber) {
			this(prompt, questions, approvalNumber, null);
		}

		static Opening at(Prompt prompt) {
			return new Opening(prompt, List.of(), 0);
		}
	}

	/**
	 * What the user offers as proof, at a point of the verify page: a typed code, answers to the asked
	 * questions, a passkey's answer to the flow's challenge, or nothing (an approval is looked up).
	 */
	record Proof(Prompt at, String flowId, long userPk, String code, List<AskedQuestion> asked, List<String> answers,
			AssertionRequest request, Assertion assertion) {

		public static Proof code(Prompt at, String flowId, long userPk, String code) {
			return new Proof(at, flowId, userPk, code, List.of(), List.of(), null, null);
		}

		public static Proof approval(Prompt at, String flowId, long userPk) {
			return new Proof(at, flowId, userPk, null, List.of(), List.of(), null, null);
		}

		public static Proof answers(Prompt at, String flowId, long userPk, List<AskedQuestion> asked,
				List<String> answers) {
			return new Proof(at, flowId, userPk, null, asked, answers, null, null);
		}

		public static Proof passkey(Prompt at, String flowId, long userPk, AssertionRequest request, Assertion assertion) {
			return new Proof(at, flowId, userPk, null, List.of(), List.of(), request, assertion);
		}
	}

	/** Message keys for a proof still awaited, one that expired, and a wrong or refused one. */
	record ProofMessages(String pending, String expired, String wrong, String replayed) {

		ProofMessages(String pending, String expired, String wrong) {
			this(pending, expired, wrong, "reset.verify.app.replayed");
		}

		static final ProofMessages CODE = new ProofMessages("reset.verify.notification.pending",
				"reset.verify.code.expired", "reset.verify.code.wrong");
		static final ProofMessages NOTIFICATION = new ProofMessages("reset.verify.notification.pending",
				"reset.verify.notification.expired", "reset.verify.notification.denied");
		static final ProofMessages QUESTIONS = new ProofMessages("reset.verify.notification.pending",
				"reset.verify.code.expired", "reset.verify.questions.wrong");
		static final ProofMessages PASSKEY = new ProofMessages("reset.verify.notification.pending",
				"reset.verify.passkey.expired", "reset.verify.passkey.wrong", "reset.verify.passkey.expired");
		static final ProofMessages CALL = new ProofMessages("reset.verify.call.pending", "reset.verify.call.expired",
				"reset.verify.call.denied");
	}
}
