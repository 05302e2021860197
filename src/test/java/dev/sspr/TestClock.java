package dev.sspr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The suite's {@link Clock}: it runs with real time, and a test moves it forward instead of
 * sleeping. It never goes back, because the tests of a context share it and the data they left.
 */
public final class TestClock extends Clock {

	/** Shared with every zoned view of this clock, so that they all move together. */
	private final AtomicReference<Duration> offset;
	/** While set, time stands at this instant (see {@link #standStill()}). */
	private final AtomicReference<Instant> still;
	private final ZoneId zone;

	public TestClock() {
		this(new AtomicReference<>(Duration.ZERO), new AtomicReference<>(), ZoneOffset.UTC);
	}

	private TestClock(AtomicReference<Duration> offset, AtomicReference<Instant> still, ZoneId zone) {
		this.offset = offset;
		this.still = still;
		this.zone = zone;
	}

	/**
	 * Stops time until the returned handle is closed, for a test that counts against a window a busy
	 * machine might otherwise let refill (a limit of 20 a minute refills one every 3 s). Closing it
	 * lets time run on from real time again, which is never earlier.
	 */
	public Still standStill() {
		still.set(instant());
		return () -> still.set(null);
	}

	/** The handle of {@link #standStill()}. */
	@FunctionalInterface
	public interface Still extends AutoCloseable {

		@Override
		void close();
	}

	/** Moves time forward for everything in the context that reads the clock. */
	public void advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("time only moves forward");
		}
		offset.accumulateAndGet(by, Duration::plus);
	}

	@Override
	public Instant instant() {
		Instant stopped = still.get();
		return stopped != null ? stopped : Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(offset, still, zone);
	}
}
