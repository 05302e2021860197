package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A notification the user approves on their signed-in device, matching a number. */
@Component
class AppNotificationVerifier implements MethodVerifier {

	private final AppApprovals approvals;

	AppNotificationVerifier(AppApprovals approvals) {
		this.approvals = approvals;
	}

	@Override
	public MethodKind kind() {
		return MethodKind.APP_NOTIFICATION;
	}

	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		return AppCodeVerifier.appFactor(kind(), user, registration);
	}

	/** Each opening is a new request, replacing the previous one: "send again" opens anew. */
	@Override
	public Opening open(String flowId, long userPk, SsprPolicy policy) {
		return new Opening(Prompt.AWAIT_APPROVAL, List.of(), approvals.request(flowId, userPk));
	}

	@Override
	public Check check(Proof proof) {
		return approvals.check(proof.flowId(), proof.userPk());
	}

	@Override
	public ProofMessages messages(Prompt at) {
		return ProofMessages.NOTIFICATION;
	}
}
