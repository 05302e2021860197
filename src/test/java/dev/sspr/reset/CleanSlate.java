package dev.sspr.reset;

import dev.sspr.delivery.DevOutbox;
import dev.sspr.throttle.Throttle;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every journey test resets first: failure counters, blocks, used TOTP steps, codes, approvals, throttles, outbox. */
final class CleanSlate {

	private CleanSlate() {
	}

	static void restore(JdbcClient jdbc, Throttle throttle, DevOutbox outbox) {
		jdbc.sql("delete from verification_failure").update();
		jdbc.sql("delete from reset_block").update();
		jdbc.sql("update authenticator_app set last_used_step = 0").update();
		jdbc.sql("update one_time_code set closed = true").update();
		jdbc.sql("update app_approval set status = 'REPLACED' where status = 'PENDING'").update();
		throttle.clearAll();
		outbox.clear();
	}
}
