package dev.sspr.throttle;

import dev.sspr.secrets.Keys;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * Token buckets, one per limit and key, in the {@link BucketStore} the database allows: shared by
 * every instance on PostgreSQL, so that a limit of N holds however many instances serve. A bucket is
 * known by a keyed hash of its limit and key: keys hold email addresses, phone numbers and client
 * addresses, which the table must not.
 */
@Service
public class Throttle {

	private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);
	private final BucketStore store;
	private final byte[] idKey;

	Throttle(ThrottleProperties properties, BucketStore store, Keys keys) {
		this.store = store;
		this.idKey = keys.key(Keys.Key.CODES);
		properties.windows().forEach((limit, windows) -> {
			ConfigurationBuilder builder = BucketConfiguration.builder();
			windows.forEach(w -> builder.addLimit(
					Bandwidth.builder().capacity(w.count()).refillGreedy(w.count(), w.period()).build()));
			configurations.put(limit, builder.build());
		});
	}

	/** Takes one token for {@code key} under {@code limit}; false when the limit is reached. */
	public boolean tryAcquire(Limit limit, String key) {
		return store.tryConsume(id(limit, key), configurations.get(limit));
	}

	/** Forgets buckets that are full again by {@code now} (they hold nothing a new bucket would not); how many. */
	public int purgeExpired(Instant now) {
		return store.purgeExpired(now);
	}

	/** Forgets every bucket, on every instance: for tests, and for an operator after a false alarm. */
	public void clearAll() {
		store.clear();
	}

	private String id(Limit limit, String key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(idKey, "HmacSHA256"));
			// The prefix keeps these hashes apart from the code hashes made with the same key.
			mac.update(("throttle|" + limit.name() + '|').getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}
}
