package dev.sspr;

import dev.sspr.directory.TenantBranding;
import dev.sspr.directory.TenantInfo;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.PolicyUpdates;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo tenants' policies and branding as a test found them, and put back afterwards exactly
 * (the counters and times a save moves included), since demo data is read-only for the suite
 * ({@link dev.sspr.DemoDataGuard}). Only what changed is saved again.
 */
public final class DemoTenants {

	private final JdbcClient jdbc;
	private final PolicyUpdates policies;
	private final TenantBranding branding;
	private final Map<Long, PolicySettings> savedPolicies = new HashMap<>();
	private final Map<Long, TenantInfo> savedBranding = new HashMap<>();
	private final Map<Long, Object> savedPolicyTimes = new HashMap<>();
	private final Map<Long, String> savedMailFrom = new HashMap<>();
	private final Map<Long, java.util.List<String>> savedOutsideGuests = new HashMap<>();

	private DemoTenants(JdbcClient jdbc, PolicyUpdates policies, TenantBranding branding) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.branding = branding;
	}

	public static DemoTenants remember(JdbcClient jdbc, PolicyUpdates policies, TenantBranding branding) {
		DemoTenants tenants = new DemoTenants(jdbc, policies, branding);
		for (long id : jdbc.sql("select id from tenant order by id").query(Long.class).list()) {
			tenants.savedPolicies.put(id, policies.current(id));
			tenants.savedBranding.put(id, branding.tenant(id).orElseThrow());
			tenants.savedMailFrom.put(id, branding.mailFrom(id).orElse(null));
			tenants.savedOutsideGuests.put(id, outsideGuests(jdbc, id));
			tenants.savedPolicyTimes.put(id,
					jdbc.sql("select updated_at from sspr_policy where tenant_id = ?").param(id).query().singleValue());
		}
		return tenants;
	}

	/** What the tenant tells guests from outside organizations: text and link, either null. */
	private static java.util.List<String> outsideGuests(JdbcClient jdbc, long id) {
		return jdbc.sql("select outside_guest_text, outside_guest_url from tenant where id = ?").param(id)
				.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2))).single();
	}

	public void restore() {
		savedPolicies.forEach((id, saved) -> {
			if (!saved.equals(policies.current(id))) {
				policies.save(id, saved);
			}
		});
		savedBranding.forEach((id, before) -> {
			TenantInfo now = branding.tenant(id).orElseThrow();
			if (!Objects.equals(now.helpdeskUrl(), before.helpdeskUrl())
					|| !Objects.equals(now.helpdeskEmail(), before.helpdeskEmail())
					|| !Objects.equals(now.brandColor(), before.brandColor())
					|| !Objects.equals(branding.mailFrom(id).orElse(null), savedMailFrom.get(id))) {
				branding.customize(id, new TenantBranding.Customization(before.helpdeskUrl(), before.helpdeskEmail(),
						before.brandColor(), savedMailFrom.get(id)));
			}
			if (now.hasLogo() && !before.hasLogo()) {
				branding.removeLogo(id);
			}
			jdbc.sql("update tenant set branding_version = ? where id = ?").params(before.brandingVersion(), id).update();
		});
		savedOutsideGuests.forEach((id, before) -> {
			if (!before.equals(outsideGuests(jdbc, id))) {
				jdbc.sql("update tenant set outside_guest_text = ?, outside_guest_url = ? where id = ?")
						.params(before.get(0), before.get(1), id).update();
			}
		});
		savedPolicyTimes.forEach((id, time) -> jdbc.sql("update sspr_policy set updated_at = ? where tenant_id = ?")
				.params(time, id).update());
	}
}
