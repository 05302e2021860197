package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Passkeys;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Sign-in with a passkey instead of a password (discoverable: the device offers its passkeys for
 * this site, and its answer names the user). It ends as a password sign-in does: the same limits
 * (the attempt counts against the client address, and against the passkey's owner when the
 * credential is known), the same one answer for every failure, the same signed-in user. Deliberately
 * not an {@code AuthenticationProvider} bean: a second one would stop Spring Security from making
 * {@link DirectoryAuthenticationProvider} the global provider; {@link PasskeySignInConfigurer} asks this
 * class directly.
 */
@Component
public class PasskeySignIn {

	/** Where the passkey form posts. */
	public static final String PATH = "/sign-in/passkey";

	private static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]+$");

	private final Passkeys passkeys;
	private final Directory directory;
	private final Throttle throttle;
	private final Clock clock;

	PasskeySignIn(Passkeys passkeys, Directory directory, Throttle throttle, Clock clock) {
		this.passkeys = passkeys;
		this.directory = directory;
		this.throttle = throttle;
		this.clock = clock;
	}

	Authentication authenticate(PasskeyAuthenticationToken attempt) {
		// Counted before anything is looked at, malformed or not, as a password attempt is.
		if (!throttle.tryAcquire(Limit.SIGN_IN_PER_ADDRESS, attempt.address())) {
			throw new SignInThrottledException();
		}
		Optional<Assertion> answer = wellFormed(attempt);
		Optional<UserAccount> owner = answer.flatMap(a -> passkeys.ownerOf(a.credentialId())).flatMap(directory::user);
		if (owner.isPresent()
				&& !throttle.tryAcquire(Limit.SIGN_IN_PER_USER, Directory.normalizeUserId(owner.get().userId()))) {
			throw new SignInThrottledException();
		}
		Optional<UserAccount> user = answer.flatMap(a -> passkeys.signIn(attempt.challenge(), a))
				.flatMap(directory::user).filter(u -> u.enabled() && !u.locked());
		if (user.isEmpty()) {
			throw new BadCredentialsException("sign-in refused");
		}
		// A passkey with user verification is a fresh, strong check: it counts as a recent password.
		return DirectoryAuthenticationProvider.signedIn(user.get(), clock.instant());
	}

	/** The answer when every field is base64url of a plausible length (as the reset's passkey form checks). */
	private static Optional<Assertion> wellFormed(PasskeyAuthenticationToken attempt) {
		Assertion posted = attempt.answer();
		String userHandle = posted.userHandle() == null || posted.userHandle().isEmpty() ? null : posted.userHandle();
		boolean valid = fits(attempt.challenge(), 128) && fits(posted.credentialId(), 1400)
				&& fits(posted.authenticatorData(), 4096) && fits(posted.clientDataJson(), 4096)
				&& fits(posted.signature(), 2048) && (userHandle == null || fits(userHandle, 128));
		return valid ? Optional.of(new Assertion(posted.credentialId(), posted.authenticatorData(),
				posted.clientDataJson(), posted.signature(), userHandle)) : Optional.empty();
	}

	private static boolean fits(String value, int maxLength) {
		return value != null && value.length() <= maxLength && BASE64URL.matcher(value).matches();
	}
}
