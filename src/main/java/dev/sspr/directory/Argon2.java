package dev.sspr.directory;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The portal's Argon2id for passwords and security answers, with at most one hash per core at
 * a time. Each hash fills 16 MiB: unbounded, 200 request threads hashing at once would need 3 GiB of
 * heap, and hashes beyond the cores only share them, so the others wait their turn instead.
 */
public final class Argon2 implements PasswordEncoder {

	/** Spring Security's current Argon2id settings (m=16384, t=2, p=1), as every stored hash has. */
	public static final PasswordEncoder ENCODER = new Argon2(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
			Runtime.getRuntime().availableProcessors());

	private final PasswordEncoder hashing;
	private final Semaphore turns;

	Argon2(PasswordEncoder hashing, int atOnce) {
		this.hashing = hashing;
		this.turns = new Semaphore(atOnce);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return inTurn(() -> hashing.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return inTurn(() -> hashing.matches(rawPassword, encodedPassword));
	}

	/** Hashes waiting for a turn, for tests. */
	int waiting() {
		return turns.getQueueLength();
	}

	private <T> T inTurn(Supplier<T> hash) {
		turns.acquireUninterruptibly();
		try {
			return hash.get();
		}
		finally {
			turns.release();
		}
	}
}
