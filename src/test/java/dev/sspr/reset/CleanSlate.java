package dev.sspr.reset;

import dev.sspr.DemoDataGuard;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.throttle.Throttle;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every journey test resets first: failure counters, blocks, used TOTP steps, codes, approvals, throttles, outbox. */
final class CleanSlate {

	private CleanSlate() {
	}

	static void restore(JdbcClient jdbc, Throttle throttle, DevOutbox outbox) {
		DemoDataGuard.clearTransientState(jdbc, throttle);
		outbox.clear();
	}
}
