package dev.sspr.directory;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's helpdesk contact, brand colour and logo. The logo's bytes are read only when the
 * logo itself is served, never with the tenant.
 */
@Service
public class TenantBranding {

	/** A logo as stored: already checked by whoever uploaded it. */
	public record Logo(byte[] bytes, String contentType, long version) {
	}

	/** What an administrator edits; {@code brandColor} is {@code #rrggbb} or null. */
	public record Customization(String helpdeskUrl, String helpdeskEmail, String brandColor) {
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

	@Transactional(readOnly = true)
	public Optional<Logo> logo(String tenantName) {
		return jdbc.sql("select logo, logo_type, branding_version from tenant where name = ? and logo is not null")
				.param(tenantName)
				.query((rs, n) -> new Logo(rs.getBytes(1), rs.getString(2), rs.getLong(3)))
				.optional();
	}
}
