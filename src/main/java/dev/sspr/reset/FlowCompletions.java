package dev.sspr.reset;

import dev.sspr.policy.MethodKind;
import dev.sspr.reset.ResetFlow.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which flows have completed or are completing, as the database says (S-50): the session's copy of a
 * flow cannot say so for a concurrent request, nor for a copy in a shared session store. Keyed by the
 * flow id, and unique per user and security stamp, so that one proof completes one reset.
 * <p>
 * A row is {@code DONE} (stamp moved, audited, notified) or {@code PENDING}: claimed before an
 * on-premises directory write, not yet finished. A pending row is held by whoever set its lease
 * ({@code lease_until} in the future); an unheld one is taken by a conditional update, so that only
 * one request or job instance at a time works on it, and it is finished ({@link #markDone}, once) or
 * released (deleted) when the write certainly did not happen. Statements here run in the caller's
 * transaction, or on their own when there is none.
 */
@Component
class FlowCompletions {

	/** How long a claim holds a pending completion: well beyond the directory's timeouts. */
	static final Duration LEASE = Duration.ofMinutes(2);

	enum Status { PENDING, DONE }

	/** One row: what a retry or the recovery job needs to finish the reset as the request would have. */
	record Completion(String flowId, long userPk, Outcome outcome, Status status, Instant leaseUntil,
			String passwordVersion, Long tenantId, String subject, List<MethodKind> methods, String clientAddress,
			Locale locale) {

		boolean heldAt(Instant now) {
			return leaseUntil != null && leaseUntil.isAfter(now);
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	FlowCompletions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims the completion as done, in the transaction that writes it (a password the portal keeps).
	 * A concurrent claim of the same flow (or of another flow from the same security stamp) waits for
	 * that transaction and then fails.
	 *
	 * @throws DuplicateKeyException when the flow, or another flow of the user, completed first
	 */
	void claim(ResetFlow flow, Outcome outcome, String clientAddress, Locale locale) {
		insert(flow, outcome, Status.DONE, null, null, clientAddress, locale);
	}

	/**
	 * Claims the completion as pending, holding it for {@link #LEASE}; commits before the directory is called.
	 *
	 * @throws DuplicateKeyException when the flow, or another flow of the user, has a row already
	 */
	void claimPending(ResetFlow flow, Outcome outcome, String passwordVersion, String clientAddress, Locale locale) {
		insert(flow, outcome, Status.PENDING, passwordVersion, clock.instant().plus(LEASE), clientAddress, locale);
	}

	private void insert(ResetFlow flow, Outcome outcome, Status status, String version, Instant leaseUntil,
			String clientAddress, Locale locale) {
		jdbc.sql("""
				insert into reset_completion (flow_id, user_id, security_stamp, outcome, completed_at, status, lease_until,
				                              password_version, tenant_id, subject, methods, client_address, locale)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(flow.id(), flow.userPk(), flow.securityStamp(), outcome.name(), utc(clock.instant()), status.name(),
						leaseUntil == null ? null : utc(leaseUntil), version, flow.tenantId(), flow.subject(),
						flow.proven().stream().map(MethodKind::name).collect(Collectors.joining(",")), clientAddress,
						locale.toLanguageTag())
				.update();
	}

	/** How the flow completed, if it is done. */
	Optional<Outcome> of(String flowId) {
		return find(flowId).filter(c -> c.status() == Status.DONE).map(Completion::outcome);
	}

	Optional<Completion> find(String flowId) {
		return jdbc.sql(SELECT + " where flow_id = ?").param(flowId).query(FlowCompletions::row).optional();
	}

	/** The pending completion of any flow of this user from this security stamp. */
	Optional<Completion> pendingOf(long userPk, long securityStamp) {
		return jdbc.sql(SELECT + " where user_id = ? and security_stamp = ? and status = 'PENDING'")
				.params(userPk, securityStamp).query(FlowCompletions::row).optional();
	}

	/** Pending completions nobody holds, oldest first. */
	List<Completion> unheldPending(int limit) {
		return jdbc.sql(SELECT + " where status = 'PENDING' and lease_until <= ? order by completed_at fetch first "
				+ limit + " rows only").param(utc(clock.instant())).query(FlowCompletions::row).list();
	}

	/** Takes an unheld pending completion for {@link #LEASE}; false when it is held, done or gone. */
	boolean take(String flowId) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update reset_completion set lease_until = ?
				where flow_id = ? and status = 'PENDING' and lease_until <= ?""")
				.params(utc(now.plus(LEASE)), flowId, utc(now)).update() == 1;
	}

	/** Lets go of a pending completion, so that a retry may take it at once. */
	void letGo(String flowId) {
		jdbc.sql("update reset_completion set lease_until = ? where flow_id = ? and status = 'PENDING'")
				.params(utc(clock.instant()), flowId).update();
	}

	/** Marks the completion done; false when it was done already (or released): the caller then does nothing. */
	boolean markDone(String flowId) {
		return jdbc.sql("""
				update reset_completion set status = 'DONE', lease_until = null, completed_at = ?
				where flow_id = ? and status = 'PENDING'""").params(utc(clock.instant()), flowId).update() == 1;
	}

	/** Forgets a pending completion whose write certainly did not happen: the user may try again. */
	void release(String flowId) {
		jdbc.sql("delete from reset_completion where flow_id = ? and status = 'PENDING'").param(flowId).update();
	}

	private static final String SELECT = """
			select flow_id, user_id, outcome, status, lease_until, password_version, tenant_id, subject, methods,
			       client_address, locale
			from reset_completion""";

	private static Completion row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		OffsetDateTime lease = rs.getObject("lease_until", OffsetDateTime.class);
		String methods = rs.getString("methods");
		String locale = rs.getString("locale");
		long tenant = rs.getLong("tenant_id");
		Long tenantId = rs.wasNull() ? null : tenant;
		return new Completion(rs.getString("flow_id"), rs.getLong("user_id"), Outcome.valueOf(rs.getString("outcome")),
				Status.valueOf(rs.getString("status")), lease == null ? null : lease.toInstant(),
				rs.getString("password_version"), tenantId, rs.getString("subject"),
				methods == null || methods.isEmpty() ? List.of()
						: Arrays.stream(methods.split(",")).map(MethodKind::valueOf).toList(),
				rs.getString("client_address"), locale == null ? Locale.ROOT : Locale.forLanguageTag(locale));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
