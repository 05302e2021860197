package dev.sspr.verification;

import java.io.Serializable;

/**
 * A registered question put to the user: a predefined one by key (localized), or a tenant's custom
 * one by its text (shown as entered). {@code answerId} points at the stored hash, never the answer.
 */
public record AskedQuestion(long answerId, String predefinedKey, String customText) implements Serializable {

	public boolean predefined() {
		return predefinedKey != null;
	}

	public String messageKey() {
		return PredefinedQuestions.messageKey(predefinedKey);
	}
}
