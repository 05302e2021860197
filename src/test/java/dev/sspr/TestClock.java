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
	private final ZoneId zone;

	public TestClock() {
		this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
	}

	private TestClock(AtomicReference<Duration> offset, ZoneId zone) {
		this.offset = offset;
		this.zone = zone;
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
		return Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(offset, zone);
	}
}
