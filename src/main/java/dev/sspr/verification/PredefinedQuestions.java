package dev.sspr.verification;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The 35 predefined security questions (R-21, seed 003), by key; their text in each language is in
 * the {@code questions} message bundle under {@code question.predefined.<key>}.
 */
public final class PredefinedQuestions {

	public static final List<String> KEYS = IntStream.rangeClosed(1, 35).mapToObj(i -> String.format("q%02d", i)).toList();

	private PredefinedQuestions() {
	}

	public static String messageKey(String key) {
		return "question.predefined." + key;
	}
}
