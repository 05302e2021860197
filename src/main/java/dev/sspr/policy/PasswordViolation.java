package dev.sspr.policy;

import java.util.List;

/** One rule a new password breaks: the message key to show and its arguments. */
public record PasswordViolation(String messageKey, List<Object> arguments) {

	public PasswordViolation {
		arguments = List.copyOf(arguments);
	}

	public Object[] argumentArray() {
		return arguments.toArray();
	}
}
