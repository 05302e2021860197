package dev.sspr.policy;

import java.util.List;

/** The outcome of the R-12 checks: either a refusal reason, or the methods the user may use. */
public record EligibilityVerdict(RefusalReason refusal, int methodsRequired, List<AvailableMethod> usableMethods) {

	public EligibilityVerdict {
		usableMethods = List.copyOf(usableMethods);
	}

	public boolean eligible() {
		return refusal == null;
	}
}
