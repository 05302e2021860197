package dev.sspr.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link PlainText}. */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

	private boolean lines;

	@Override
	public void initialize(PlainText annotation) {
		lines = annotation.lines();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || isPlain(value, lines);
	}

	public static boolean isPlain(CharSequence value) {
		return isPlain(value, false);
	}

	/** @param lines whether line breaks ({@code \r}, {@code \n}) are allowed, as in a text area */
	public static boolean isPlain(CharSequence value, boolean lines) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (lines && (c == '\n' || c == '\r')) {
				continue;
			}
			if (Character.isISOControl(c) || c == '\uFFFD' || c == '\u2028' || c == '\u2029') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}
}
