package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.MethodInventory.Registration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A call to the office phone; never counts for a guest, nor for a blank number. */
@Component
class OfficeCallVerifier extends CallVerifier {

	OfficeCallVerifier(OneTimeCodes codes, ApprovalCalls approvalCalls) {
		super(codes, approvalCalls);
	}

	@Override
	public MethodKind kind() {
		return MethodKind.OFFICE_VOICE;
	}

	@Override
	public Optional<AvailableMethod> availableTo(UserAccount user, Registration registration, SsprPolicy policy) {
		if (user.guest() != null || user.officePhone() == null || user.officePhone().isBlank()) {
			return Optional.empty();
		}
		return super.availableTo(user, registration, policy);
	}

	@Override
	public String destination(UserAccount user) {
		return user.officePhone();
	}
}
