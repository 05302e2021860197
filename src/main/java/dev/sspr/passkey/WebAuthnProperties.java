package dev.sspr.passkey;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relying party (the portal, as passkeys know it). Both default to {@code sspr.public-url}: its
 * host is the relying party id, its origin the one origin allowed. Checked at start-up by
 * {@link RelyingPartySettings}.
 *
 * @param rpId the domain passkeys are bound to, e.g. {@code sspr.example.com}
 * @param rpName the name a device shows beside the passkey
 * @param allowedOrigins the origins (scheme, host, port) a browser may report, e.g. {@code https://sspr.example.com}
 * @param timeout how long a ceremony may take, and so how long its challenge lives
 * @param maxPerUser how many passkeys one user may register
 */
@ConfigurationProperties("sspr.webauthn")
public record WebAuthnProperties(String rpId, @DefaultValue("Self-service password reset") String rpName,
		List<String> allowedOrigins, @DefaultValue("PT2M") Duration timeout, @DefaultValue("10") int maxPerUser) {

	public WebAuthnProperties {
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
	}
}
