package dev.sspr.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.TestClock;
import dev.sspr.secrets.Keys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ThrottleTests {

	private final TestClock clock = new TestClock();

	private final Keys keys = devKeys();

	static Keys devKeys() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("dev"); // keys generated for the run
		return new Keys(environment);
	}

	/** A throttle on the in-memory store, as on the embedded database. */
	Throttle throttle(List<String> sendPerAccount) {
		return new Throttle(new ThrottleProperties(List.of("3/PT1M"), List.of("2/PT1H"), sendPerAccount, List.of("20/PT1H"),
				List.of("5/PT1H"), List.of("1000/P1D"), List.of("30/PT1H"), List.of("30/PT15M"), List.of("10/PT15M")),
				new LocalBucketStore(ThrottleConfiguration.portalTime(clock), Duration.ofDays(1)), keys);
	}

	@Test
	void whenLimitReachedThenRefusedForThatKeyOnly() {
		Throttle throttle = throttle(List.of("5/PT1H", "10/P1D"));
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAcquire(Limit.LOOKUP_PER_ADDRESS, "10.0.0.1")).isTrue();
		}
		assertThat(throttle.tryAcquire(Limit.LOOKUP_PER_ADDRESS, "10.0.0.1")).isFalse();
		assertThat(throttle.tryAcquire(Limit.LOOKUP_PER_ADDRESS, "10.0.0.2")).isTrue();
		assertThat(throttle.tryAcquire(Limit.LOOKUP_PER_USER, "10.0.0.1")).as("limits are separate").isTrue();
	}

	@Test
	void whenSeveralWindowsThenTheTightestDecides() {
		Throttle throttle = throttle(List.of("5/PT1H", "10/P1D"));
		int allowed = 0;
		for (int i = 0; i < 20; i++) {
			allowed += throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "42") ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(5);
	}

	@Test
	void whenWindowPassedThenAllowedAgain() {
		Throttle throttle = throttle(List.of("1/PT1H"));
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "7")).isTrue();
		clock.advance(Duration.ofMinutes(59));
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "7")).as("the hour is not over").isFalse();
		clock.advance(Duration.ofMinutes(2));
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "7")).isTrue();
	}

	@Test
	void whenClearedThenAllowedAgain() {
		Throttle throttle = throttle(List.of("1/PT1H"));
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "7")).isTrue();
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "7")).isFalse();
		throttle.clearAll();
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, "7")).isTrue();
	}

	@Test
	void whenWindowMalformedThenClearMessage() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> throttle(List.of("five per hour")))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5/PT1H");
	}
}
