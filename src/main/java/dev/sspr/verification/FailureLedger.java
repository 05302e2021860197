package dev.sspr.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed proofs per account, whatever the client address (S-10): five in an hour block the
 * account's resets for a day. Sending a new code does not reset the count. Mistyped destinations are
 * counted the same way, apart: they end the flow, not the account's resets.
 */
@Service
public class FailureLedger {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final VerificationProperties properties;

	FailureLedger(JdbcClient jdbc, Clock clock, VerificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public boolean isBlocked(long userPk) {
		return jdbc.sql("select count(*) from reset_block where user_id = ? and blocked_until > ?")
				.params(userPk, utc(clock.instant())).query(Long.class).single() > 0;
	}

	/** Records a failure in its own transaction, so that it counts even when the caller rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(long userPk) {
		Instant now = clock.instant();
		jdbc.sql("insert into verification_failure (user_id, occurred_at) values (?, ?)").params(userPk, utc(now)).update();
		long recent = jdbc.sql("select count(*) from verification_failure where user_id = ? and occurred_at > ?")
				.params(userPk, utc(now.minus(properties.failureWindow()))).query(Long.class).single();
		if (recent < properties.failuresBeforeBlock()) {
			return false;
		}
		OffsetDateTime until = utc(now.plus(properties.blockDuration()));
		if (jdbc.sql("update reset_block set blocked_until = ? where user_id = ?").params(until, userPk).update() == 0) {
			jdbc.sql("insert into reset_block (user_id, blocked_until) values (?, ?)").params(userPk, until).update();
		}
		return true;
	}

	/**
	 * Records a mistyped destination at the confirm step, in its own transaction; true once the
	 * account has had {@code limit} of them within the failure window. Counted per account in the
	 * database, so that starting a new flow, or reaching another instance, gives no fresh guesses.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordDestinationMismatch(long userPk, int limit) {
		Instant now = clock.instant();
		jdbc.sql("insert into destination_mismatch (user_id, occurred_at) values (?, ?)").params(userPk, utc(now)).update();
		return jdbc.sql("select count(*) from destination_mismatch where user_id = ? and occurred_at > ?")
				.params(userPk, utc(now.minus(properties.failureWindow()))).query(Long.class).single() >= limit;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
