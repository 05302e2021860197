package dev.sspr.reset;

import dev.sspr.reset.ResetFlow.Outcome;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which flows have completed, as the database says (S-50): the session's copy of a flow cannot
 * say so for a concurrent request, nor for a copy in a shared session store. Keyed by the flow id,
 * and unique per user and security stamp, so that one proof completes one reset.
 */
@Component
class FlowCompletions {

	private final JdbcClient jdbc;
	private final Clock clock;

	FlowCompletions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims the completion in the caller's transaction. A concurrent claim of the same flow (or of
	 * another flow from the same security stamp) waits for that transaction and then fails.
	 *
	 * @throws DuplicateKeyException when the flow, or another flow of the user, completed first
	 */
	void claim(ResetFlow flow, Outcome outcome) {
		jdbc.sql("""
				insert into reset_completion (flow_id, user_id, security_stamp, outcome, completed_at)
				values (?, ?, ?, ?, ?)""")
				.params(flow.id(), flow.userPk(), flow.securityStamp(), outcome.name(),
						clock.instant().atOffset(ZoneOffset.UTC))
				.update();
	}

	/** How the flow completed, if it has. */
	Optional<Outcome> of(String flowId) {
		return jdbc.sql("select outcome from reset_completion where flow_id = ?").param(flowId).query(String.class)
				.optional().map(Outcome::valueOf);
	}
}
