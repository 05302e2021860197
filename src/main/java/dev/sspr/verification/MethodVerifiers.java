package dev.sspr.verification;

import dev.sspr.policy.MethodKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The verifier of each method; start-up fails when a method has none, or two, so no caller meets a gap. */
@Component
public class MethodVerifiers {

	/**
	 * The order methods are listed in (the inventory, the method page): the app first, then email,
	 * phones and questions. Not {@link MethodKind}'s order, which puts the notification before the code.
	 */
	private static final List<MethodKind> LISTED = List.of(MethodKind.PASSKEY, MethodKind.APP_CODE, MethodKind.APP_NOTIFICATION,
			MethodKind.EMAIL, MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE, MethodKind.OFFICE_VOICE,
			MethodKind.SECURITY_QUESTIONS);

	private final Map<MethodKind, MethodVerifier> byKind = new EnumMap<>(MethodKind.class);

	MethodVerifiers(List<MethodVerifier> verifiers) {
		for (MethodVerifier verifier : verifiers) {
			if (byKind.put(verifier.kind(), verifier) != null) {
				throw new IllegalStateException("two verifiers for " + verifier.kind());
			}
		}
		for (MethodKind kind : MethodKind.values()) {
			if (!byKind.containsKey(kind) || !LISTED.contains(kind)) {
				throw new IllegalStateException("no verifier for " + kind);
			}
		}
	}

	public MethodVerifier of(MethodKind kind) {
		return byKind.get(kind);
	}

	/** Every verifier, in the order methods are listed. */
	public List<MethodVerifier> listed() {
		return LISTED.stream().map(byKind::get).toList();
	}
}
