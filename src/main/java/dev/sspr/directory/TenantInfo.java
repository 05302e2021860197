package dev.sspr.directory;

import java.io.Serializable;

/**
 * A tenant as the end-user pages see it: its helpdesk contact and branding.
 *
 * @param brandColor {@code #rrggbb}, or null for the portal's own colour
 * @param brandingVersion moves on with every branding change, so browsers fetch the new logo
 */
public record TenantInfo(long id, String name, String displayName, String helpdeskUrl, String helpdeskEmail,
		String brandColor, boolean hasLogo, long brandingVersion) implements Serializable {

	public TenantInfo(long id, String name, String displayName, String helpdeskUrl, String helpdeskEmail) {
		this(id, name, displayName, helpdeskUrl, helpdeskEmail, null, false, 0);
	}

	public boolean branded() {
		return brandColor != null || hasLogo;
	}
}
