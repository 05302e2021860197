package dev.sspr.directory;

import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Cloud users' passwords: written to and checked against Argon2id hashes in the portal's own directory. */
@Component
final class CloudPasswordWriter implements PasswordWriter, PasswordVerifier {

	static final PasswordEncoder ENCODER = Argon2.ENCODER;

	/** A hash of nothing anyone knows, checked for an account without a password. */
	private static final String NO_PASSWORD = ENCODER.encode("no password " + System.nanoTime());

	private final UserRepository users;
	private final Clock clock;

	CloudPasswordWriter(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public boolean supports(PasswordSource source) {
		return source == PasswordSource.CLOUD;
	}

	@Override
	public boolean local() {
		return true;
	}

	@Override
	public void writePassword(UserAccount user, String newPassword) {
		UserEntity entity = users.findById(user.id()).orElseThrow();
		entity.passwordHash = ENCODER.encode(newPassword);
		entity.passwordChangedAt = clock.instant();
	}

	@Override
	public boolean matches(UserAccount user, String password) {
		String hash = users.findById(user.id()).map(u -> u.passwordHash).orElse(null);
		if (hash == null) {
			// A guest who signs in at home has no password here: the same hash's work as a wrong password (S-01).
			ENCODER.matches(password, NO_PASSWORD);
			return false;
		}
		return ENCODER.matches(password, hash);
	}

	@Override
	public void unlock(UserAccount user) {
		users.findById(user.id()).orElseThrow().locked = false;
	}
}
