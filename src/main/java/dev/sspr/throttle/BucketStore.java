package dev.sspr.throttle;

import io.github.bucket4j.BucketConfiguration;
import java.time.Instant;

/**
 * Where the token buckets live: in the database that every instance shares (PostgreSQL), or in this
 * JVM when the portal runs on its embedded single-instance database. {@link ThrottleConfiguration}
 * picks one, from the database the portal runs on.
 */
interface BucketStore {

	/** Takes one token from the bucket {@code id}, creating it with {@code configuration}; false when empty. */
	boolean tryConsume(String id, BucketConfiguration configuration);

	/** Forgets buckets that have refilled completely by {@code now}; how many. */
	int purgeExpired(Instant now);

	/** Forgets every bucket. */
	void clear();
}
