package dev.sspr.health;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of a server the portal talks to (mail, directory), as last checked in the background:
 * asking never waits for that server, so a hung one cannot hold up {@code /actuator/health}. An
 * unreachable server is {@link #UNREACHABLE}, which the instance's own health ranks below UP; only
 * its own group answers 503 for it.
 */
final class ReportedHealth implements HealthIndicator {

	/** A server the portal cannot reach: reported, never the instance's fault. */
	static final Status UNREACHABLE = new Status("UNREACHABLE");

	private final Supplier<Status> check;
	private final Executor checker;
	private final long maxAgeNanos;
	private final AtomicBoolean checking = new AtomicBoolean();
	private volatile Status last = Status.UNKNOWN;
	private volatile long checkedAt;

	ReportedHealth(Supplier<Status> check, Executor checker, Duration maxAge) {
		this.check = check;
		this.checker = checker;
		this.maxAgeNanos = maxAge.toNanos();
	}

	@Override
	public Health health() {
		Status status = last;
		if ((status == Status.UNKNOWN || System.nanoTime() - checkedAt > maxAgeNanos) && checking.compareAndSet(false, true)) {
			try {
				checker.execute(this::refresh);
			}
			catch (RejectedExecutionException ex) {
				checking.set(false);
			}
		}
		return Health.status(status).build();
	}

	private void refresh() {
		try {
			last = check.get();
		}
		catch (RuntimeException ex) {
			last = UNREACHABLE;
		}
		finally {
			checkedAt = System.nanoTime();
			checking.set(false);
		}
	}
}
