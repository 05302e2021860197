package dev.sspr.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buckets in the table {@code throttle_bucket}, which every instance shares: Bucket4j locks the row
 * ({@code SELECT ... FOR UPDATE}) for the few milliseconds of one take, so a limit of N holds across
 * any number of instances. Each row records when its bucket will be full again ({@code expires_at},
 * epoch milliseconds of the portal's clock); past that it is the same as no row, and retention deletes it.
 */
final class SharedBucketStore implements BucketStore {

	private final ProxyManager<String> buckets;
	private final JdbcClient jdbc;

	SharedBucketStore(DataSource dataSource, TimeMeter time) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("throttle_bucket")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.clientClock(time)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
				.build();
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public boolean tryConsume(String id, BucketConfiguration configuration) {
		return buckets.getProxy(id, () -> configuration).tryConsume(1);
	}

	@Override
	public int purgeExpired(Instant now) {
		return jdbc.sql("delete from throttle_bucket where expires_at < ?").param(now.toEpochMilli()).update();
	}

	@Override
	public void clear() {
		jdbc.sql("delete from throttle_bucket").update();
	}
}
