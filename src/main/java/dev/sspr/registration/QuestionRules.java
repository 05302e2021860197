package dev.sspr.registration;

import dev.sspr.input.PlainTextValidator;
import dev.sspr.verification.Answers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R-21 for one registration: exactly the number of questions the policy asks for, each an offered
 * question, none twice; answers of 3 to 40 characters, any script, no answer used twice.
 */
final class QuestionRules {

	static final int MIN_ANSWER = 3;
	static final int MAX_ANSWER = 40;

	/** A problem with one field: {@code questions[i]}, {@code answers[i]}, or null for the whole form. */
	record Problem(String field, String messageKey, Object... arguments) {
	}

	private QuestionRules() {
	}

	static List<Problem> check(List<String> questions, List<String> answers, Set<String> offered, int required) {
		List<Problem> problems = new ArrayList<>();
		Set<String> seenQuestions = new HashSet<>();
		Set<String> seenAnswers = new HashSet<>();
		for (int i = 0; i < required; i++) {
			String question = i < questions.size() ? questions.get(i) : null;
			String answer = i < answers.size() ? answers.get(i) : null;
			if (question == null || question.isBlank()) {
				problems.add(new Problem("questions[" + i + "]", "registration.questions.error.choose"));
			}
			else if (!offered.contains(question)) {
				problems.add(new Problem("questions[" + i + "]", "registration.questions.error.choose"));
			}
			else if (!seenQuestions.add(question)) {
				problems.add(new Problem("questions[" + i + "]", "registration.questions.error.sameQuestion"));
			}
			String answerProblem = answerProblem(answer);
			if (answerProblem != null) {
				problems.add(new Problem("answers[" + i + "]", answerProblem, MIN_ANSWER, MAX_ANSWER));
			}
			else if (!seenAnswers.add(Answers.normalize(answer))) {
				problems.add(new Problem("answers[" + i + "]", "registration.questions.error.sameAnswer"));
			}
		}
		return problems;
	}

	private static String answerProblem(String answer) {
		if (answer == null || answer.isBlank()) {
			return "registration.questions.error.answerRequired";
		}
		if (!PlainTextValidator.isPlain(answer)) {
			return "input.plainText";
		}
		String stripped = answer.strip();
		int length = stripped.codePointCount(0, stripped.length());
		return length < MIN_ANSWER || length > MAX_ANSWER ? "registration.questions.error.answerLength" : null;
	}
}
