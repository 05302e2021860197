package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The current password typed again by a signed-in user (change password, re-authentication before a
 * sensitive change), under the same per-user limit as sign-in, so a stolen session cannot be used to
 * guess the password. A refusal by the limit is told apart from a wrong password.
 */
@Component
final class PasswordCheck {

	static final int MAX_LENGTH = 1024;

	/** What the typed password came to. */
	enum Outcome { RIGHT, WRONG, THROTTLED }

	/** The outcome, with the account as the directory has it when the password was right. */
	record Result(Outcome outcome, Optional<UserAccount> account) {
	}

	private final Directory directory;
	private final Throttle throttle;

	PasswordCheck(Directory directory, Throttle throttle) {
		this.directory = directory;
		this.throttle = throttle;
	}

	Result check(SignedInUser user, String password) {
		if (password == null || password.isEmpty() || password.length() > MAX_LENGTH) {
			return new Result(Outcome.WRONG, Optional.empty());
		}
		if (!throttle.tryAcquire(Limit.SIGN_IN_PER_USER, Directory.normalizeUserId(user.userId()))) {
			return new Result(Outcome.THROTTLED, Optional.empty());
		}
		Optional<UserAccount> account = directory.signIn(user.userId(), password);
		return new Result(account.isPresent() ? Outcome.RIGHT : Outcome.WRONG, account);
	}
}
