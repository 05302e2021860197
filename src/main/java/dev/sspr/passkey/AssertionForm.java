package dev.sspr.passkey;

import dev.sspr.passkey.Ceremonies.Assertion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A device's answer as {@code passkey.js} posts it, base64url; every field blank when the device gave
 * none (no script, a cancelled prompt posted anyway). Bound by every page that asks for a passkey.
 */
public record AssertionForm(
		@NotBlank @Size(max = 1400) @Pattern(regexp = BASE64URL) String credentialId,
		@NotBlank @Size(max = 4096) @Pattern(regexp = BASE64URL) String authenticatorData,
		@NotBlank @Size(max = 4096) @Pattern(regexp = BASE64URL) String clientDataJson,
		@NotBlank @Size(max = 2048) @Pattern(regexp = BASE64URL) String signature,
		@Size(max = 128) @Pattern(regexp = "^$|" + BASE64URL) String userHandle) {

	static final String BASE64URL = "^[A-Za-z0-9_-]+$";

	public Assertion assertion() {
		return new Assertion(credentialId, authenticatorData, clientDataJson, signature,
				userHandle == null || userHandle.isEmpty() ? null : userHandle);
	}
}
