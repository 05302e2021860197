package dev.sspr.directory;

import dev.sspr.delivery.Letterhead;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's helpdesk contact, brand colour and logo. The logo's bytes are read only when the
 * logo itself is served, never with the tenant.
 */
@Service
public class TenantBranding implements Letterhead.Source {

	/** A logo as stored: already checked by whoever uploaded it. */
	public record Logo(byte[] bytes, String contentType, long version) {
	}

	/**
	 * What an administrator edits; {@code brandColor} is {@code #rrggbb} or null, {@code mailFrom} the
	 * address the tenant's emails come from, or null for the portal's.
	 */
	public record Customization(String helpdeskUrl, String helpdeskEmail, String brandColor, String mailFrom) {

		public Customization(String helpdeskUrl, String helpdeskEmail, String brandColor) {
			this(helpdeskUrl, helpdeskEmail, brandColor, null);
		}
	}

	/** Logo types every mail client shows; an SVG logo stays out of emails. */
	private static final Set<String> MAIL_LOGO_TYPES = Set.of("image/png", "image/jpeg");

	private static boolean mailLogo(String contentType) {
		return contentType != null && MAIL_LOGO_TYPES.contains(contentType);
	}

	private final TenantRepository tenants;
	private final JdbcClient jdbc;

	TenantBranding(TenantRepository tenants, JdbcClient jdbc) {
		this.tenants = tenants;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<TenantInfo> tenant(long tenantId) {
		return tenants.findById(tenantId).map(TenantEntity::toInfo);
	}

	@Transactional(readOnly = true)
	public Optional<TenantInfo> tenantByName(String name) {
		return tenants.findByName(name).map(TenantEntity::toInfo);
	}

	@Transactional
	public void customize(long tenantId, Customization customization) {
		TenantEntity tenant = tenants.findById(tenantId).orElseThrow();
		tenant.helpdeskUrl = customization.helpdeskUrl();
		tenant.helpdeskEmail = customization.helpdeskEmail();
		tenant.brandColor = customization.brandColor();
		tenant.brandingVersion++;
		tenants.flush();
		jdbc.sql("update tenant set mail_from = ? where id = ?").params(customization.mailFrom(), tenantId).update();
	}

	/**
	 * What the tenant tells guests whose home is an organization outside the portal, and where it sends
	 * them; null clears either.
	 */
	@Transactional
	public void setOutsideGuestPage(long tenantId, OutsideGuestPage page) {
		TenantEntity tenant = tenants.findById(tenantId).orElseThrow();
		tenant.outsideGuestText = page.text();
		tenant.outsideGuestUrl = page.url();
	}

	/** The tenant's own {@code From} address for email, if it set one. */
	@Transactional(readOnly = true)
	public Optional<String> mailFrom(long tenantId) {
		return jdbc.sql("select mail_from from tenant where id = ?").param(tenantId).query(String.class).optional()
				.filter(from -> from != null && !from.isBlank());
	}

	/** Who the tenant's messages come from: its name, helpdesk and {@code From}. */
	@Override
	@Transactional(readOnly = true)
	public Optional<Letterhead> of(long tenantId) {
		return jdbc.sql("""
				select display_name, helpdesk_url, helpdesk_email, mail_from, logo_type from tenant where id = ?""")
				.param(tenantId)
				.query((rs, n) -> new Letterhead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						mailLogo(rs.getString(5))))
				.optional();
	}

	@Transactional
	public void setLogo(long tenantId, byte[] bytes, String contentType) {
		jdbc.sql("update tenant set logo = ?, logo_type = ?, branding_version = branding_version + 1 where id = ?")
				.params(bytes, contentType, tenantId).update();
	}

	@Transactional
	public void removeLogo(long tenantId) {
		jdbc.sql("update tenant set logo = null, logo_type = null, branding_version = branding_version + 1 where id = ?")
				.param(tenantId).update();
	}

	/** The tenant's logo for emails: PNG and JPEG only, which every mail client shows. */
	@Override
	@Transactional(readOnly = true)
	public Optional<Letterhead.Logo> logo(long tenantId) {
		return jdbc.sql("select logo, logo_type from tenant where id = ? and logo is not null")
				.param(tenantId)
				.query((rs, n) -> new Letterhead.Logo(rs.getBytes(1), rs.getString(2)))
				.optional().filter(logo -> mailLogo(logo.contentType()));
	}

	@Transactional(readOnly = true)
	public Optional<Logo> logo(String tenantName) {
		return jdbc.sql("select logo, logo_type, branding_version from tenant where name = ? and logo is not null")
				.param(tenantName)
				.query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2), rs.getLong(3)))
				.optional();
	}
}
