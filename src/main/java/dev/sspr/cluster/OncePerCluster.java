package dev.sspr.cluster;

import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs a periodic job on one instance per interval: the instance that takes the job's lock runs it
 * and keeps the lock for most of the interval, so the others, whose timers fire at other moments,
 * find it taken and skip. Lock times are the database's, not any one instance's clock.
 */
@Service
public class OncePerCluster {

	/** A run that outlives this releases its lock anyway, so that a crashed instance blocks no one for long. */
	private static final Duration LONGEST_RUN = Duration.ofMinutes(30);

	private final LockingTaskExecutor executor;

	OncePerCluster(DataSource dataSource) {
		this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
						.withJdbcTemplate(new JdbcTemplate(dataSource))
						.usingDbTime()
						.build()));
	}

	/**
	 * Runs {@code job} unless another instance ran it within 90 % of {@code interval} or is running it.
	 *
	 * @return the job's result, or {@code null} when another instance had the turn
	 */
	public <T> T run(String name, Duration interval, Supplier<T> job) {
		Duration atLeast = interval.multipliedBy(9).dividedBy(10);
		Duration atMost = atLeast.compareTo(LONGEST_RUN) > 0 ? atLeast : LONGEST_RUN;
		try {
			LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(job::get,
					new LockConfiguration(ClockProvider.now(), name, atMost, atLeast));
			return result.wasExecuted() ? result.getResult() : null;
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}
}
