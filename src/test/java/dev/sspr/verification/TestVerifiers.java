package dev.sspr.verification;

import java.util.List;

/**
 * The verifiers without their stores, for tests of what counts for whom: {@link MethodVerifier#availableTo}
 * looks nothing up, so no Spring context is needed.
 */
final class TestVerifiers {

	private TestVerifiers() {
	}

	static MethodVerifiers registry() {
		return new MethodVerifiers(List.of(new AppNotificationVerifier(null), new AppCodeVerifier(null),
				new EmailCodeVerifier(null), new TextCodeVerifier(null), new MobileCallVerifier(null, null),
				new OfficeCallVerifier(null, null), new SecurityQuestionsVerifier(null), new PasskeyVerifier(null, null)));
	}

	static MethodInventory inventory() {
		return new MethodInventory(null, null, registry(), null);
	}
}
