package dev.sspr.verification;

import dev.sspr.delivery.Masking;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A code by email to the reset address; for a guest without a home, the address they proved. */
@Component
class EmailCodeVerifier extends SentCodeVerifier {

	EmailCodeVerifier(OneTimeCodes codes) {
		super(codes);
	}

	@Override
	public MethodKind kind() {
		return MethodKind.EMAIL;
	}

	@Override
	CodeDelivery delivery() {
		return CodeDelivery.EMAIL;
	}

	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		// Addresses differ only in case are one mailbox, so one factor (S-32).
		return Optional.ofNullable(user.resetEmail())
				.map(email -> new AvailableMethod(kind(), "email:" + email.toLowerCase(Locale.ROOT)));
	}

	@Override
	public String destination(UserAccount user) {
		return user.resetEmail();
	}

	@Override
	public String maskedDestination(UserAccount user) {
		String email = destination(user);
		return email == null ? null : Masking.maskEmail(email);
	}

	@Override
	public boolean sameDestination(String typed, String actual) {
		return typed != null && typed.strip().equalsIgnoreCase(actual.strip());
	}

	@Override
	public String destinationMismatchKey() {
		return "reset.verify.destination.mismatchEmail";
	}
}
