package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.MethodKind;
import org.springframework.stereotype.Component;

/** A call to the reset mobile number; never for a guest. */
@Component
class MobileCallVerifier extends CallVerifier {

	MobileCallVerifier(OneTimeCodes codes, ApprovalCalls approvalCalls) {
		super(codes, approvalCalls);
	}

	@Override
	public MethodKind kind() {
		return MethodKind.MOBILE_VOICE;
	}

	@Override
	public String destination(UserAccount user) {
		return user.resetMobile();
	}
}
