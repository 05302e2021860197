package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.PostgresAvailable;
import dev.sspr.retention.RetentionJob;
import dev.sspr.throttle.Limit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/** On PostgreSQL the throttle's buckets are rows every instance shares, known by a hash of their key. */
@PostgresAvailable
@ActiveProfiles(value = { "dev", "postgres", "test" }, inheritProfiles = false)
class PostgresSharedLimitsTests extends ResetWebTestSupport {

	@Autowired
	RetentionJob retention;

	@Test
	void whenAKeyIsThrottledThenItsBucketIsARowNamedByAHashNotByTheKey() {
		String key = "limit-" + UUID.randomUUID() + "@contoso.example";
		long before = buckets();

		for (int i = 0; i < 10; i++) {
			assertThat(throttle.tryAcquire(Limit.LOOKUP_PER_USER, key)).as("lookup %d", i + 1).isTrue();
		}
		assertThat(throttle.tryAcquire(Limit.LOOKUP_PER_USER, key)).isFalse();

		assertThat(buckets()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select id from throttle_bucket").query(String.class).list())
				.allSatisfy(id -> assertThat(id).matches("[0-9a-f]{64}"));
	}

	@Test
	void whenABucketIsFullAgainThenRetentionDeletesItAndTheKeyStartsAfresh() {
		String key = "refill-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, key);
		}
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, key)).isFalse();
		long before = buckets();

		// 5 an hour and 10 a day: the bucket is full again after a day.
		clock.advance(Duration.ofHours(25));
		assertThat(retention.purge().get("throttle buckets")).isPositive();

		assertThat(buckets()).isLessThan(before);
		assertThat(throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, key)).isTrue();
	}

	@Test
	void whenClearedThenEveryBucketIsGone() {
		throttle.tryAcquire(Limit.TRY_PER_ADDRESS, "clear-" + UUID.randomUUID());
		assertThat(buckets()).isPositive();

		throttle.clearAll();

		assertThat(buckets()).isZero();
	}

	private long buckets() {
		return jdbc.sql("select count(*) from throttle_bucket").query(Long.class).single();
	}
}
