package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A passkey on the user's device (WebAuthn): a fresh challenge bound to the flow, answered with one of
 * the user's own passkeys, user verification required. All of a user's passkeys are one factor (S-32),
 * as an app's code and notification are. A wrong answer counts like a wrong code (S-10); an expired or
 * replayed challenge does not, as only the holder of the flow's session can answer it.
 */
@Component
class PasskeyVerifier implements MethodVerifier {

	private final Passkeys passkeys;
	private final FailureLedger failures;

	PasskeyVerifier(Passkeys passkeys, FailureLedger failures) {
		this.passkeys = passkeys;
		this.failures = failures;
	}

	@Override
	public MethodKind kind() {
		return MethodKind.PASSKEY;
	}

	/** Counts once the user has a passkey; never for a guest, whose passkeys (if any) live at home. */
	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		return registration.passkeys() > 0 && user.guest() == null
				? Optional.of(new AvailableMethod(kind(), "passkey")) : Optional.empty();
	}

	@Override
	public Opening open(String flowId, long userPk, SsprPolicy policy) {
		return new Opening(Prompt.USE_PASSKEY, List.of(), 0, passkeys.assertionRequest(userPk));
	}

	@Override
	public Check check(Proof proof) {
		if (failures.isBlocked(proof.userPk())) {
			return Check.BLOCKED;
		}
		return switch (passkeys.prove(proof.userPk(), proof.request(), proof.assertion())) {
			case VALID -> Check.VALID;
			case EXPIRED -> Check.EXPIRED;
			case REPLAYED -> Check.REPLAYED;
			case WRONG -> failures.recordFailure(proof.userPk()) ? Check.BLOCKED : Check.INVALID;
		};
	}

	@Override
	public ProofMessages messages(Prompt at) {
		return ProofMessages.PASSKEY;
	}
}
