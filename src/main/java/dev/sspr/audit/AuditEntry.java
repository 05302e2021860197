package dev.sspr.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param actor the administrator who acted, or null for the user's own actions
 * @param details what an administrator changed (before and after), never a secret
 * @param displayName the subject's display name where the subject is a user of the tenant
 */
public record AuditEntry(long id, Instant occurredAt, Long tenantId, String subject, String eventType, String outcome,
		String reason, String methods, String clientAddress, String flowId, String actor, String details, String displayName) {
}
