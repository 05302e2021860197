package dev.sspr.verification;

import dev.sspr.secrets.Digests;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls that ask the user to press # to approve a reset, instead of reading a code (issue 6,
 * {@code sspr.delivery.voice-approval}). The provider reports the key pressed to a URL with a
 * one-time token; only the token's hash is stored. A key other than # denies, and counts (S-10).
 */
@Service
public class VoiceApprovals {

	public static final Duration LIFETIME = Duration.ofMinutes(5);

	private final JdbcClient jdbc;
	private final FailureLedger failures;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	VoiceApprovals(JdbcClient jdbc, FailureLedger failures, Clock clock) {
		this.jdbc = jdbc;
		this.failures = failures;
		this.clock = clock;
	}

	/** A new request for this flow, replacing an earlier one; returns the token for the callback URL. */
	@Transactional
	public String request(String flowId, long userPk) {
		jdbc.sql("update voice_approval set status = 'REPLACED' where flow_id = ? and status = 'PENDING'").param(flowId)
				.update();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into voice_approval (user_id, flow_id, token_hash, status, created_at, expires_at)
				values (?, ?, ?, 'PENDING', ?, ?)""")
				.params(userPk, flowId, Digests.sha256Hex(token), FailureLedger.utc(now), FailureLedger.utc(now.plus(LIFETIME))).update();
		return token;
	}

	/** The key the user pressed during the call: # approves, anything else denies. False for an unknown or spent token. */
	@Transactional
	public boolean answer(String token, String digits) {
		if (token == null || token.length() > 100) {
			return false;
		}
		Optional<long[]> row = jdbc.sql("select id, user_id from voice_approval where token_hash = ? and status = 'PENDING' and expires_at > ?")
				.params(Digests.sha256Hex(token), FailureLedger.utc(clock.instant()))
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional();
		if (row.isEmpty()) {
			return false;
		}
		boolean approved = "#".equals(digits);
		// Guarded: a call is answered once, also when the provider reports twice at once.
		if (jdbc.sql("update voice_approval set status = ? where id = ? and status = 'PENDING'")
				.params(approved ? "APPROVED" : "DENIED", row.get()[0]).update() == 0) {
			return false;
		}
		if (!approved) {
			failures.recordFailure(row.get()[1]);
		}
		return true;
	}

	/** What became of this flow's call; an approval is used up by reading it. */
	@Transactional
	public Check check(String flowId, long userPk) {
		if (failures.isBlocked(userPk)) {
			return Check.BLOCKED;
		}
		Optional<Object[]> row = jdbc.sql("""
				select id, status, expires_at from voice_approval where flow_id = ? and user_id = ?
				order by id desc fetch first 1 rows only""")
				.params(flowId, userPk)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2),
						rs.getObject(3, java.time.OffsetDateTime.class).toInstant() })
				.optional();
		if (row.isEmpty() || ((Instant) row.get()[2]).isBefore(clock.instant())) {
			return Check.EXPIRED;
		}
		return switch ((String) row.get()[1]) {
			case "APPROVED" -> {
				// Guarded: of two checks at once (a double submit), one uses the approval up.
				int used = jdbc.sql("update voice_approval set status = 'USED' where id = ? and status = 'APPROVED'")
						.param(row.get()[0]).update();
				yield used == 1 ? Check.VALID : Check.EXPIRED;
			}
			case "PENDING" -> Check.PENDING;
			case "DENIED" -> Check.INVALID;
			default -> Check.EXPIRED;
		};
	}
}
