package dev.sspr.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link MissingSettingException} into Spring Boot's "APPLICATION FAILED TO START" report. */
final class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
		StringBuilder description = new StringBuilder("The portal refuses to start outside the dev profile without:");
		cause.problems().forEach(problem -> description.append(System.lineSeparator()).append("  - ").append(problem));
		return new FailureAnalysis(description.toString(), cause.action(), cause);
	}
}
