package dev.sspr.reset;

import dev.sspr.policy.MethodKind;
import java.util.List;

/**
 * Something the reset flow did that an administrator may need to see: published for every
 * start, refusal, throttle, proof, failure and completion. Never carries a secret (S-24).
 *
 * @param subject the user ID as typed (normalized), also for unknown accounts
 * @param reason a refusal or failure reason, or {@code null}
 */
public record ResetActivity(Kind kind, boolean success, Long tenantId, String subject, String reason,
		List<MethodKind> methods, String clientAddress, String flowId) {

	public enum Kind {
		STARTED, REFUSED, THROTTLED, CODE_SENT, CODE_SUPPRESSED, DESTINATION_MISMATCH, METHOD_VERIFIED,
		VERIFICATION_FAILED, BLOCKED, PASSWORD_RESET, ACCOUNT_UNLOCKED, WRITE_FAILED
	}

	public ResetActivity {
		methods = List.copyOf(methods);
	}

	/** A reset or unlock that completed: published inside the transaction that completes it. */
	public boolean completion() {
		return success && (kind == Kind.PASSWORD_RESET || kind == Kind.ACCOUNT_UNLOCKED);
	}
}
