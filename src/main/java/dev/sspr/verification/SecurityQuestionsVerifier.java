package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers to registered security questions; never for a guest (whether an administrator may use them is R-16, in Eligibility). */
@Component
class SecurityQuestionsVerifier implements MethodVerifier {

	private final SecurityQuestions questions;

	SecurityQuestionsVerifier(SecurityQuestions questions) {
		this.questions = questions;
	}

	@Override
	public MethodKind kind() {
		return MethodKind.SECURITY_QUESTIONS;
	}

	/** Counts only with enough answers for the questions a reset asks. */
	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		int answers = registration.answers();
		return user.guest() == null && answers > 0 && answers >= policy.questionsToReset()
				? Optional.of(new AvailableMethod(kind(), "questions")) : Optional.empty();
	}

	@Override
	public Opening open(String flowId, long userPk, SsprPolicy policy) {
		return new Opening(Prompt.ANSWER_QUESTIONS, questions.pick(userPk, policy.questionsToReset()), 0);
	}

	@Override
	public Check check(Proof proof) {
		return questions.check(proof.userPk(), proof.asked(), proof.answers());
	}

	@Override
	public ProofMessages messages(Prompt at) {
		return ProofMessages.QUESTIONS;
	}
}
