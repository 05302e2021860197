package dev.sspr.throttle;

import io.github.bucket4j.TimeMeter;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The one place that chooses where buckets live. Bucket4j's database back-ends are per product and
 * it has none for H2; the embedded H2 database is in memory and can serve one instance only, so
 * buckets in that JVM are exactly as shared as the database is.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

	@Bean
	BucketStore bucketStore(DataSource dataSource, Clock clock, ThrottleProperties properties) throws MetaDataAccessException {
		TimeMeter time = portalTime(clock);
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		if ("PostgreSQL".equals(product)) {
			return new SharedBucketStore(dataSource, time);
		}
		Duration longest = properties.windows().values().stream().flatMap(List::stream)
				.map(ThrottleProperties.Window::period).max(Duration::compareTo).orElse(Duration.ofDays(1));
		return new LocalBucketStore(time, longest);
	}

	/** The windows follow the portal's clock, so that a test moves time instead of waiting. */
	static TimeMeter portalTime(Clock clock) {
		return new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}
}
