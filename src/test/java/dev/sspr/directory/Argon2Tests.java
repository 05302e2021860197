package dev.sspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class Argon2Tests {

	@Test
	void whenHashedThenTheStoredFormatIsUnchangedAndOldHashesStillMatch() {
		String hash = Argon2.ENCODER.encode("Fabrikam#Demo-2026");

		assertThat(hash).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
		assertThat(Argon2.ENCODER.matches("Fabrikam#Demo-2026", hash)).isTrue();
		assertThat(Argon2.ENCODER.matches("Fabrikam#Demo-2027", hash)).isFalse();
		// Alex's demo password, hashed before this class existed.
		assertThat(Argon2.ENCODER.matches("Contoso#Demo-2026",
				"$argon2id$v=19$m=16384,t=2,p=1$YGCL9K7zs2MlhrIzn5wU8A$l+r5MlC1phYRerijjSmB5lxxBXhx3zan2tvYwsITpes")).isTrue();
	}

	@Test
	void whenSpringSecuritysEncoderAndThisOneHashThenEachMatchesTheOther() {
		PasswordEncoder spring = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

		assertThat(Argon2.ENCODER.matches("Ünïcödé pass 42", spring.encode("Ünïcödé pass 42"))).isTrue();
		assertThat(spring.matches("Ünïcödé pass 42", Argon2.ENCODER.encode("Ünïcödé pass 42"))).isTrue();
		assertThat(spring.matches("Ünïcödé pass 43", Argon2.ENCODER.encode("Ünïcödé pass 42"))).isFalse();
	}

	@Test
	void whenTheStoredValueIsNoArgon2idHashThenNoMatchAndNoException() {
		for (String stored : new String[] { null, "", "plain", "$argon2i$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA",
				"$argon2id$v=19$m=x,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=16384,t=2$c2FsdA$!!", "$argon2id$$$" }) {
			assertThat(Argon2.ENCODER.matches("secret", stored)).as(String.valueOf(stored)).isFalse();
		}
	}

	@Test
	void whenMoreHashesThanTurnsThenTheRestWaitAndAllFinish() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		Argon2 argon2 = new Argon2(2, new HeldHash(release, inside, most));
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Thread thread = new Thread(() -> argon2.encode("secret"));
			thread.start();
			threads.add(thread);
		}
		// Polled on the condition (two hashing, the third queued for its turn), bounded generously.
		for (int tries = 0; tries < 60_000 && !(inside.get() == 2 && argon2.waiting() == 1); tries++) {
			LockSupport.parkNanos(1_000_000);
		}
		assertThat(inside.get()).isEqualTo(2);
		assertThat(argon2.waiting()).isEqualTo(1);

		release.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(most.get()).isEqualTo(2);
		assertThat(inside.get()).isZero();
		assertThat(argon2.waiting()).isZero();
	}

	/** Holds every hash until released, counting how many are inside at once. */
	private record HeldHash(CountDownLatch release, AtomicInteger inside, AtomicInteger most) implements Argon2.Hashing {

		@Override
		public byte[] hash(Argon2Parameters parameters, CharSequence rawPassword, int length) {
			most.accumulateAndGet(inside.incrementAndGet(), Math::max);
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			inside.decrementAndGet();
			return new byte[length];
		}
	}
}
