package dev.sspr.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * Buckets in this JVM, in a bounded cache so that a flood of distinct keys cannot exhaust memory.
 * Only for the embedded database, which one instance alone can use.
 */
final class LocalBucketStore implements BucketStore {

	private static final long MAX_KEYS = 200_000;

	private final Cache<String, Bucket> buckets;
	private final TimeMeter time;

	LocalBucketStore(TimeMeter time, Duration longestWindow) {
		this.time = time;
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(longestWindow).build();
	}

	@Override
	public boolean tryConsume(String id, BucketConfiguration configuration) {
		return buckets.get(id, k -> newBucket(configuration)).tryConsume(1);
	}

	private Bucket newBucket(BucketConfiguration configuration) {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
		for (Bandwidth bandwidth : configuration.getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
	}

	@Override
	public int purgeExpired(Instant now) {
		buckets.cleanUp(); // the cache expires its own entries
		return 0;
	}

	@Override
	public void clear() {
		buckets.invalidateAll();
	}
}
