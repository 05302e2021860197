package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R-21, rule by rule. */
class QuestionRulesTests {

	static final Set<String> OFFERED = Set.of("q01", "q02", "q03", "q04", "c:7");

	static List<String> fields(List<String> questions, List<String> answers) {
		return QuestionRules.check(questions, answers, OFFERED, 3).stream()
				.map(p -> p.field() + " " + p.messageKey()).toList();
	}

	@Test
	void whenThreeDistinctQuestionsAndAnswersThenAccepted() {
		assertThat(fields(List.of("q01", "q02", "c:7"), List.of("Rīga", "İzmir", "東京都"))).isEmpty();
	}

	@Test
	void whenSameQuestionTwiceThenSecondIsNamed() {
		assertThat(fields(List.of("q01", "q01", "q03"), List.of("one", "two", "three")))
				.containsExactly("questions[1] registration.questions.error.sameQuestion");
	}

	@Test
	void whenSameAnswerTwiceEvenWithOtherCaseAndSpacesThenSecondIsNamed() {
		assertThat(fields(List.of("q01", "q02", "q03"), List.of("Seattle", "  seattle ", "Rex")))
				.containsExactly("answers[1] registration.questions.error.sameAnswer");
	}

	@Test
	void whenAnswerTooShortOrTooLongThenNamed() {
		assertThat(fields(List.of("q01", "q02", "q03"), List.of("ab", "x".repeat(41), "x".repeat(10_240))))
				.containsExactly("answers[0] registration.questions.error.answerLength",
						"answers[1] registration.questions.error.answerLength",
						"answers[2] registration.questions.error.answerLength");
	}

	@Test
	void whenAnswerLengthCountedThenCodePoints() {
		assertThat(fields(List.of("q01", "q02", "q03"), List.of("😀😀😀", "abc", "ąčę"))).isEmpty();
	}

	@Test
	void whenQuestionNotOfferedOrMissingThenNamed() {
		assertThat(fields(List.of("q99", "c:8"), List.of("one", "two")))
				.containsExactly("questions[0] registration.questions.error.choose",
						"questions[1] registration.questions.error.choose",
						"questions[2] registration.questions.error.choose",
						"answers[2] registration.questions.error.answerRequired");
	}

	@Test
	void whenControlCharactersThenPlainTextMessage() {
		assertThat(fields(List.of("q01", "q02", "q03"), List.of("a\u0000bc", "def", "ghi")))
				.containsExactly("answers[0] input.plainText");
	}
}
