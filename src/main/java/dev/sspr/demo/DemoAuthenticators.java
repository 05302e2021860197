package dev.sspr.demo;

import dev.sspr.directory.Directory;
import dev.sspr.verification.AuthenticatorApps;
import dev.sspr.verification.Totp;
import java.time.Clock;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Registers the demo users' authenticator apps at start-up. The secret is encrypted with the
 * running key, which in the dev profile may be generated per run, so it cannot live in the SQL seed.
 */
@Component
@Profile("dev")
final class DemoAuthenticators implements ApplicationRunner {

	/** Public on purpose: the README gives it so that a person can add it to an authenticator app. */
	static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	static final List<String> USERS = List.of("alex@contoso.example", "adele@contoso.example", "janis@fabrikam.example");

	private final Directory directory;
	private final AuthenticatorApps apps;
	private final Clock clock;

	DemoAuthenticators(Directory directory, AuthenticatorApps apps, Clock clock) {
		this.directory = directory;
		this.apps = apps;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		byte[] secret = secret();
		for (String userId : USERS) {
			// Always (re)register: the key may be new this run, and an old ciphertext would not decrypt.
			directory.findUser(userId).ifPresent(user -> apps.register(user.id(), secret, true));
		}
	}

	static byte[] secret() {
		return new Base32().decode(SECRET);
	}

	String currentCode() {
		return Totp.codeAt(secret(), Totp.stepOf(clock.instant()));
	}

	long secondsLeft() {
		long step = Totp.STEP.toSeconds();
		return step - clock.instant().getEpochSecond() % step;
	}
}
