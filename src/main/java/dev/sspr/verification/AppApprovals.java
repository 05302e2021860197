package dev.sspr.verification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App notifications: the reset page shows a number; the user's signed-in security-info page
 * (their "app") offers three numbers and asks whether it was them. Two minutes to answer; the right
 * number approves, a wrong number or "no" denies and counts against the account (S-10).
 */
@Service
public class AppApprovals {

	public static final Duration LIFETIME = Duration.ofMinutes(2);

	/** A request as the signed-in page shows it: three numbers, one of them right. */
	public record Pending(long id, List<Integer> choices, Instant expiresAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final FailureLedger failures;
	private final SecureRandom random = new SecureRandom();

	AppApprovals(JdbcClient jdbc, Clock clock, FailureLedger failures) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.failures = failures;
	}

	/** Asks for an approval for this flow, replacing an earlier one; returns the number to show. */
	@Transactional
	public int request(String flowId, long userPk) {
		jdbc.sql("update app_approval set status = 'REPLACED' where flow_id = ? and status = 'PENDING'").param(flowId).update();
		int number = 10 + random.nextInt(90);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into app_approval (user_id, flow_id, number_shown, status, created_at, expires_at)
				values (?, ?, ?, 'PENDING', ?, ?)""")
				.params(userPk, flowId, number, FailureLedger.utc(now), FailureLedger.utc(now.plus(LIFETIME))).update();
		return number;
	}

	/** What became of this flow's request; an approval is used up by reading it. */
	@Transactional
	public Check check(String flowId, long userPk) {
		if (failures.isBlocked(userPk)) {
			return Check.BLOCKED;
		}
		Optional<Row> row = latest(flowId, userPk);
		if (row.isEmpty() || row.get().expiresAt().isBefore(clock.instant())) {
			return Check.EXPIRED;
		}
		return switch (row.get().status()) {
			case "APPROVED" -> {
				// Guarded: of two checks at once (a double submit), one uses the approval up.
				int used = jdbc.sql("update app_approval set status = 'USED' where id = ? and status = 'APPROVED'")
						.param(row.get().id()).update();
				yield used == 1 ? Check.VALID : Check.EXPIRED;
			}
			case "PENDING" -> Check.PENDING;
			case "DENIED" -> Check.INVALID;
			default -> Check.EXPIRED;
		};
	}

	/** Open requests of the user, newest first, each with three numbers to choose from. */
	@Transactional(readOnly = true)
	public List<Pending> pendingFor(long userPk) {
		return jdbc.sql("select id, number_shown, expires_at from app_approval where user_id = ? and status = 'PENDING' and expires_at > ? order by id desc")
				.params(userPk, FailureLedger.utc(clock.instant()))
				.query((rs, n) -> new Pending(rs.getLong(1), choices(rs.getLong(1), rs.getInt(2)),
						rs.getObject(3, OffsetDateTime.class).toInstant()))
				.list();
	}

	/**
	 * The user's answer. Only their own pending request can be answered; anything else is false and
	 * changes nothing. A wrong number counts as "no".
	 */
	@Transactional
	public boolean answer(long userPk, long approvalId, int chosen, boolean approve) {
		Optional<Integer> number = jdbc.sql("select number_shown from app_approval where id = ? and user_id = ? and status = 'PENDING' and expires_at > ?")
				.params(approvalId, userPk, FailureLedger.utc(clock.instant())).query(Integer.class).optional();
		if (number.isEmpty()) {
			return false;
		}
		boolean approved = approve && number.get() == chosen;
		// Guarded: a request is answered once, also when two answers arrive at once.
		if (jdbc.sql("update app_approval set status = ? where id = ? and status = 'PENDING'")
				.params(approved ? "APPROVED" : "DENIED", approvalId).update() == 0) {
			return false;
		}
		if (!approved) {
			failures.recordFailure(userPk);
		}
		return true;
	}

	/** Two decoys and the right number, in an order fixed per request so a reload does not reshuffle. */
	private static List<Integer> choices(long id, int right) {
		Set<Integer> numbers = new LinkedHashSet<>(List.of(right));
		java.util.Random seeded = new java.util.Random(id * 31 + right);
		while (numbers.size() < 3) {
			numbers.add(10 + seeded.nextInt(90));
		}
		List<Integer> list = new ArrayList<>(numbers);
		Collections.shuffle(list, seeded);
		return List.copyOf(list);
	}

	private Optional<Row> latest(String flowId, long userPk) {
		return jdbc.sql("select id, status, expires_at from app_approval where flow_id = ? and user_id = ? order by id desc")
				.params(flowId, userPk)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
				.list().stream().findFirst();
	}

	private record Row(long id, String status, Instant expiresAt) {
	}
}
