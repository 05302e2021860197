package dev.sspr.registration;

import dev.sspr.passkey.AssertionForm;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A passkey sign-in as posted, before anything is checked: the signed challenge the page carried,
 * the device's answer and the client's address (for the limits). Nothing in it is secret.
 */
final class PasskeyAuthenticationToken extends AbstractAuthenticationToken {

	private final String challenge;
	private final AssertionForm answer;
	private final String address;

	PasskeyAuthenticationToken(String challenge, AssertionForm answer, String address) {
		super(List.of());
		this.challenge = challenge;
		this.answer = answer;
		this.address = address == null ? "unknown" : address;
		setAuthenticated(false);
	}

	String challenge() {
		return challenge;
	}

	AssertionForm answer() {
		return answer;
	}

	String address() {
		return address;
	}

	@Override
	public Object getCredentials() {
		return answer;
	}

	@Override
	public Object getPrincipal() {
		return answer.credentialId();
	}
}
