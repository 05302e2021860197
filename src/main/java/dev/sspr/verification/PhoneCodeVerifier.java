package dev.sspr.verification;

import dev.sspr.delivery.Masking;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.Optional;

/**
 * A code by text or call to a phone number. Numbers compare by their digits, whatever the spacing;
 * text and calls to one number are one factor (S-32).
 */
abstract class PhoneCodeVerifier extends SentCodeVerifier {

	PhoneCodeVerifier(OneTimeCodes codes) {
		super(codes);
	}

	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		String phone = destination(user);
		return phone == null ? Optional.empty() : Optional.of(new AvailableMethod(kind(), "phone:" + digits(phone)));
	}

	@Override
	public String maskedDestination(UserAccount user) {
		String phone = destination(user);
		return phone == null ? null : Masking.maskPhone(phone);
	}

	@Override
	public boolean sameDestination(String typed, String actual) {
		if (typed == null) {
			return false;
		}
		String digits = digits(typed);
		return !digits.isEmpty() && digits.equals(digits(actual));
	}

	@Override
	public String destinationMismatchKey() {
		return "reset.verify.destination.mismatchPhone";
	}

	static String digits(String phone) {
		return phone.replaceAll("\\D", "");
	}
}
