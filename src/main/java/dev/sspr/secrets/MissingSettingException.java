package dev.sspr.secrets;

import java.util.List;

/**
 * The portal cannot run as configured: a key or a transport that production needs is missing.
 * Start-up stops with {@link #problems()} and {@link #action()}, printed by
 * {@link MissingSettingFailureAnalyzer} instead of a stack trace.
 */
public final class MissingSettingException extends IllegalStateException {

	private final List<String> problems;
	private final String action;

	public MissingSettingException(List<String> problems, String action) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
		this.action = action;
	}

	public List<String> problems() {
		return problems;
	}

	public String action() {
		return action;
	}
}
