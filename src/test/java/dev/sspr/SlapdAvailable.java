package dev.sspr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when OpenLDAP's slapd is installed at {@link SlapdServer#SLAPD}. In CI (or with
 * {@code SSPR_REQUIRE_SLAPD=true}) a missing slapd fails the build instead of skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SlapdAvailable.Condition.class)
public @interface SlapdAvailable {

	final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (SlapdServer.installed()) {
				return ConditionEvaluationResult.enabled("slapd installed at " + SlapdServer.SLAPD);
			}
			boolean required = "true".equalsIgnoreCase(System.getenv("SSPR_REQUIRE_SLAPD"))
					|| "true".equalsIgnoreCase(System.getenv("CI"));
			String message = "slapd not installed at " + SlapdServer.SLAPD;
			if (required) {
				throw new IllegalStateException(message + "; slapd is mandatory in CI; .ci/run installs it");
			}
			System.err.println("SKIPPED " + context.getDisplayName() + ": " + message
					+ " (apt-get install slapd ldap-utils). Set SSPR_REQUIRE_SLAPD=true to make this a failure.");
			return ConditionEvaluationResult.disabled(message + "; skipped outside CI");
		}
	}
}
