package dev.sspr.delivery;

import java.util.Optional;

/**
 * Who a message comes from: the organization's name, its helpdesk contact and the email
 * {@code From} it chose; any but the name may be null.
 */
public record Letterhead(String organization, String helpdeskUrl, String helpdeskEmail, String mailFrom) {

	/** A logo to show inside an email; only PNG and JPEG, which every mail client displays. */
	public record Logo(byte[] bytes, String contentType) {
	}

	/** Finds a tenant's letterhead; the directory provides it, so that delivery depends on nothing. */
	public interface Source {

		Optional<Letterhead> of(long tenantId);

		Optional<Logo> logo(long tenantId);
	}
}
