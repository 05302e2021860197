package dev.sspr.directory;

import java.io.Serializable;

/** A tenant as the end-user pages see it, with its helpdesk contact. */
public record TenantInfo(long id, String name, String displayName, String helpdeskUrl, String helpdeskEmail)
		implements Serializable {
}
