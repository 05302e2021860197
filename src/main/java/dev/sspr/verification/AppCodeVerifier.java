package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A code from the registered authenticator app (TOTP, S-22); nothing is sent. */
@Component
class AppCodeVerifier implements MethodVerifier {

	private final AuthenticatorApps apps;

	AppCodeVerifier(AuthenticatorApps apps) {
		this.apps = apps;
	}

	@Override
	public MethodKind kind() {
		return MethodKind.APP_CODE;
	}

	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		return appFactor(kind(), user, registration);
	}

	/** One app, one factor: its code and its notification (R-15 decides which may be used); never a guest's. */
	static Optional<AvailableMethod> appFactor(MethodKind kind, UserAccount user, Registration registration) {
		return registration.app() && user.guest() == null ? Optional.of(new AvailableMethod(kind, "app"))
				: Optional.empty();
	}

	@Override
	public Opening open(String flowId, long userPk, SsprPolicy policy) {
		return Opening.at(Prompt.ENTER_APP_CODE);
	}

	@Override
	public Check check(Proof proof) {
		return apps.check(proof.userPk(), proof.code());
	}

	@Override
	public ProofMessages messages(Prompt at) {
		return ProofMessages.CODE;
	}
}
