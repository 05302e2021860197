package dev.sspr.directory;

import java.time.Clock;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Writes passwords of cloud users into the portal's own directory as Argon2id hashes. */
@Component
final class CloudPasswordWriter implements PasswordWriter {

	static final PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

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
	public void writePassword(UserAccount user, String newPassword) {
		UserEntity entity = users.findById(user.id()).orElseThrow();
		entity.passwordHash = ENCODER.encode(newPassword);
		entity.passwordChangedAt = clock.instant();
	}

	@Override
	public void unlock(UserAccount user) {
		users.findById(user.id()).orElseThrow().locked = false;
	}
}
