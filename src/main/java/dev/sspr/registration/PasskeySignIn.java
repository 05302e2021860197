package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Passkeys;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import jakarta.validation.Validator;
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

	private static final Pattern CHALLENGE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

	private final Passkeys passkeys;
	private final Directory directory;
	private final Throttle throttle;
	private final Clock clock;
	private final Validator validator;

	PasskeySignIn(Passkeys passkeys, Directory directory, Throttle throttle, Clock clock, Validator validator) {
		this.passkeys = passkeys;
		this.directory = directory;
		this.throttle = throttle;
		this.clock = clock;
		this.validator = validator;
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

	/** The answer when the challenge and every field are base64url of a plausible length: the form every passkey page binds. */
	private Optional<Assertion> wellFormed(PasskeyAuthenticationToken attempt) {
		boolean valid = attempt.challenge() != null && CHALLENGE.matcher(attempt.challenge()).matches()
				&& validator.validate(attempt.answer()).isEmpty();
		return valid ? Optional.of(attempt.answer().assertion()) : Optional.empty();
	}
}
