package dev.sspr.demo;

import dev.sspr.directory.Directory;
import dev.sspr.passkey.Ceremonies.CreationOptions;
import dev.sspr.passkey.Passkeys;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Registers Theo's "Demo passkey" at start-up, through the same ceremony a browser goes through. Its
 * private key is public on purpose, like the demo authenticator's secret: an automated browser loads
 * it into a virtual authenticator (the DevTools protocol's {@code WebAuthn.addCredential}) and resets
 * Theo's password with it.
 */
@Component
@Profile("dev")
public final class DemoPasskeys implements ApplicationRunner {

	public static final String USER = "theo@contoso.example";
	public static final String NAME = "Demo passkey";
	/** ES256 (P-256) private key, PKCS#8, base64. */
	public static final String PRIVATE_KEY = "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCCvaG2kP6yj6FlR6rdmau7vNufQSVS7pFB2gXmxsDKG8A==";
	/** Its public key, X.509, base64. */
	public static final String PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECw6yUCZSDtNRlO9YXRB7zOC/TRSLCg0tD38tLz6ECQrmgzxjdCDIVFYb9X9KQjZIsUyPEfxzB08xy586T4kUJA==";
	/** The credential id, base64url. */
	public static final String CREDENTIAL_ID = "WPToRsQfu4sTDkGvfyWITSIlB2hRxk6zMafeDoxriGA";

	private final Directory directory;
	private final Passkeys passkeys;

	DemoPasskeys(Directory directory, Passkeys passkeys) {
		this.directory = directory;
		this.passkeys = passkeys;
	}

	/** The demo passkey, as a device holding it would answer at this origin. */
	public static SoftwareAuthenticator authenticator(String rpId, String origin) {
		return SoftwareAuthenticator.of(PRIVATE_KEY, PUBLIC_KEY, CREDENTIAL_ID, rpId, origin);
	}

	@Override
	public void run(ApplicationArguments args) {
		directory.findUser(USER).ifPresent(user -> {
			// Registered already on a database that persists (dev,postgres): the ceremony says so and adds nothing.
			CreationOptions options = passkeys.creationOptions(user.id(), user.userId(), user.displayName());
			passkeys.register(user.id(), options, authenticator(passkeys.rpId(), "http://localhost:8080")
					.register(options.challenge()), NAME);
		});
	}
}
