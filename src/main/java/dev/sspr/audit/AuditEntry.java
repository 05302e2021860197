package dev.sspr.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, Instant occurredAt, Long tenantId, String subject, String eventType, String outcome,
		String reason, String methods, String clientAddress, String flowId) {
}
