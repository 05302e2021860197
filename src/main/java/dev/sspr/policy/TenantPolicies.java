package dev.sspr.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a tenant's SSPR policy, custom questions and custom banned passwords. */
@Service
@Transactional(readOnly = true)
public class TenantPolicies {

	private final PolicyRepository policies;
	private final JdbcClient jdbc;

	TenantPolicies(PolicyRepository policies, JdbcClient jdbc) {
		this.policies = policies;
		this.jdbc = jdbc;
	}

	/** The tenant's policy; a tenant without a saved policy gets the restrictive default (scope NONE). */
	public SsprPolicy policyOf(long tenantId) {
		return policies.findById(tenantId).map(PolicyEntity::toPolicy).orElseGet(TenantPolicies::disabled);
	}

	public List<CustomQuestion> customQuestions(long tenantId) {
		return jdbc.sql("select id, text from custom_question where tenant_id = ? order by id")
				.param(tenantId)
				.query((rs, n) -> new CustomQuestion(rs.getLong(1), rs.getString(2)))
				.list();
	}

	public Set<String> bannedTerms(long tenantId) {
		return jdbc.sql("select term from banned_term where tenant_id = ?").param(tenantId)
				.query(String.class).list().stream().collect(Collectors.toUnmodifiableSet());
	}

	/** Origins ({@code https://host[:port]}) a relying application may send users back to. */
	public Set<String> returnToOrigins(long tenantId) {
		return jdbc.sql("select origin from return_to_origin where tenant_id = ?").param(tenantId)
				.query(String.class).list().stream().collect(Collectors.toUnmodifiableSet());
	}

	private static SsprPolicy disabled() {
		SsprPolicy decoy = SsprPolicy.decoy();
		return new SsprPolicy(SsprScope.NONE, null, decoy.enabledMethods(), 1, 3, 3, false, 0, true, false, false,
				false, false, false);
	}
}
