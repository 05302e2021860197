package dev.sspr.verification;

import dev.sspr.directory.UserAccount;
import dev.sspr.policy.MethodKind;
import org.springframework.stereotype.Component;

/** A code by text message to the reset mobile number; never for a guest. */
@Component
class TextCodeVerifier extends PhoneCodeVerifier {

	TextCodeVerifier(OneTimeCodes codes) {
		super(codes);
	}

	@Override
	public MethodKind kind() {
		return MethodKind.MOBILE_SMS;
	}

	@Override
	CodeDelivery delivery() {
		return CodeDelivery.TEXT;
	}

	@Override
	public String destination(UserAccount user) {
		return user.resetMobile();
	}
}
