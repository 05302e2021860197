package dev.sspr.audit;

import dev.sspr.policy.MethodKind;
import dev.sspr.registration.RegistrationActivity;
import dev.sspr.reset.ResetActivity;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Written synchronously in its own transaction: a refusal is recorded even when nothing else is. */
	@EventListener(condition = "!#a0.completion()")
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(ResetActivity activity) {
		record(activity);
	}

	/**
	 * A completed reset or unlock is recorded in the transaction that completes it: once, and not at all
	 * when that transaction fails (a pending reset is audited when it is finished).
	 */
	@EventListener(condition = "#a0.completion()")
	@Transactional
	void onCompletion(ResetActivity activity) {
		record(activity);
	}

	private void record(ResetActivity activity) {
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, methods,
				                          client_address, flow_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(clock.instant().atOffset(ZoneOffset.UTC), activity.tenantId(), truncate(activity.subject(), 320),
						activity.kind().name(), activity.success() ? "SUCCESS" : "FAILURE", activity.reason(),
						activity.methods().stream().map(MethodKind::name).collect(Collectors.joining(",")),
						truncate(activity.clientAddress(), 64), activity.flowId())
				.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(RegistrationActivity activity) {
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, methods)
				values (?, ?, ?, ?, ?, ?, ?)""")
				.params(clock.instant().atOffset(ZoneOffset.UTC), activity.tenantId(), truncate(activity.subject(), 320),
						activity.kind().name(), activity.success() ? "SUCCESS" : "FAILURE", activity.reason(),
						activity.method())
				.update();
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(AdminAction action) {
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason, actor, details)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(clock.instant().atOffset(ZoneOffset.UTC), action.tenantId(), truncate(action.subject(), 320),
						action.kind().name(), action.success() ? "SUCCESS" : "FAILURE", truncate(action.reason(), 60),
						truncate(action.actor(), 320), truncate(action.details(), 4000))
				.update();
	}

	/** The newest entries about one subject (user ID), newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> forSubject(String subject, int limit) {
		return jdbc.sql("""
				select id, occurred_at, tenant_id, subject, event_type, outcome, reason, methods, client_address, flow_id,
				       actor, details
				from audit_record where subject = ? order by id desc fetch first ? rows only""")
				.params(subject, limit)
				.query((rs, n) -> ActivityReports.entry(rs))
				.list();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
