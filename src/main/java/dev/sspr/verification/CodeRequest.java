package dev.sspr.verification;

import dev.sspr.policy.MethodKind;
import java.util.Locale;
import java.util.Objects;

/** Ask to send a one-time code for one flow to a destination the user has confirmed. */
public record CodeRequest(String flowId, long userPk, long tenantId, String tenantName, MethodKind method,
		String destination, Locale locale, String clientAddress) {

	public CodeRequest {
		Objects.requireNonNull(flowId, "flowId");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(destination, "destination");
		if (!method.sendsCode()) {
			throw new IllegalArgumentException("method does not send codes");
		}
	}

	@Override
	public String toString() {
		return "CodeRequest[flow=" + flowId + ", user=" + userPk + ", method=" + method + "]";
	}
}
