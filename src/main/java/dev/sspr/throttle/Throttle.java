package dev.sspr.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * In-memory token buckets, one per limit and key, held in a bounded cache so that a flood of
 * distinct keys cannot exhaust memory. With several instances, each enforces its own share; a
 * shared store (Bucket4j's JDBC or Redis back-ends) is the upgrade path.
 */
@Service
public class Throttle {

	private static final long MAX_KEYS = 200_000;

	private final Map<Limit, List<Bandwidth>> bandwidths = new EnumMap<>(Limit.class);
	private final Cache<String, Bucket> buckets;
	private final TimeMeter time;

	Throttle(ThrottleProperties properties, Clock clock) {
		// The windows follow the portal's clock, so that a test moves time instead of waiting.
		this.time = new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				java.time.Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
		Duration longest = Duration.ZERO;
		for (Map.Entry<Limit, List<ThrottleProperties.Window>> entry : properties.windows().entrySet()) {
			List<Bandwidth> limits = entry.getValue().stream()
					.map(w -> Bandwidth.builder().capacity(w.count()).refillGreedy(w.count(), w.period()).build())
					.toList();
			for (ThrottleProperties.Window window : entry.getValue()) {
				longest = window.period().compareTo(longest) > 0 ? window.period() : longest;
			}
			bandwidths.put(entry.getKey(), limits);
		}
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(longest).build();
	}

	/** Takes one token for {@code key} under {@code limit}; false when the limit is reached. */
	public boolean tryAcquire(Limit limit, String key) {
		String cacheKey = limit.name() + '|' + key;
		Bucket bucket = buckets.get(cacheKey, k -> newBucket(limit));
		return bucket.tryConsume(1);
	}

	private Bucket newBucket(Limit limit) {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
		bandwidths.get(limit).forEach(builder::addLimit);
		return builder.build();
	}

	/** Forgets every bucket: for tests, and for an operator after a false alarm. */
	public void clearAll() {
		buckets.invalidateAll();
	}
}
