package dev.sspr.delivery;

import java.util.Optional;

/**
 * Who a message comes from: the organization's name, its helpdesk contact and the email
 * {@code From} it chose; any but the name may be null. {@code mailLogo} says whether there is a logo
 * to put inside emails; its bytes are read only when a mail is sent.
 */
public record Letterhead(String organization, String helpdeskUrl, String helpdeskEmail, String mailFrom,
		boolean mailLogo) {

	/** A logo to show inside an email; only PNG and JPEG, which every mail client displays. */
	public record Logo(byte[] bytes, String contentType) {
	}

	/** Finds a tenant's letterhead; the directory provides it, so that delivery depends on nothing. */
	public interface Source {

		Optional<Letterhead> of(long tenantId);

		Optional<Logo> logo(long tenantId);
	}
}
