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

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
	private final ZoneId zone;

	public TestClock() {
		this(ZoneOffset.UTC, null);
	}

	private TestClock(ZoneId zone, TestClock shared) {
		this.zone = zone;
		this.shared = shared;
	}

	/** The clock whose offset a zoned view follows. */
	private final TestClock shared;

	private AtomicReference<Duration> offset() {
		return shared == null ? offset : shared.offset();
	}

	/** Moves time forward for everything in the context that reads the clock. */
	public void advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("time only moves forward");
		}
		offset().accumulateAndGet(by, Duration::plus);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset().get());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(zone, shared == null ? this : shared);
	}
}
