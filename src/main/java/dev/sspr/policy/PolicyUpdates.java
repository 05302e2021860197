package dev.sspr.policy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves a tenant's policy settings in one transaction: all of it or nothing. */
@Service
public class PolicyUpdates {

	private final PolicyRepository policies;
	private final TenantPolicies reads;
	private final JdbcClient jdbc;
	private final Clock clock;

	PolicyUpdates(PolicyRepository policies, TenantPolicies reads, JdbcClient jdbc, Clock clock) {
		this.policies = policies;
		this.reads = reads;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the tenant has saved now, in the shape the editor saves. */
	@Transactional(readOnly = true)
	public PolicySettings current(long tenantId) {
		return new PolicySettings(reads.policyOf(tenantId),
				reads.customQuestions(tenantId).stream().map(CustomQuestion::text).toList(),
				reads.bannedTerms(tenantId), reads.returnToOrigins(tenantId));
	}

	/**
	 * The ids of the tenant's custom questions that these settings drop. Answers to a dropped question
	 * are deleted with it, so the impact preview must count them.
	 */
	@Transactional(readOnly = true)
	public Set<Long> droppedQuestions(long tenantId, List<String> customQuestions) {
		return reads.customQuestions(tenantId).stream()
				.filter(q -> !customQuestions.contains(q.text()))
				.map(CustomQuestion::id)
				.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	@Transactional
	public void save(long tenantId, PolicySettings settings) {
		SsprPolicy policy = settings.policy();
		PolicyEntity entity = policies.findById(tenantId).orElseGet(() -> {
			PolicyEntity created = new PolicyEntity();
			created.tenantId = tenantId;
			return created;
		});
		entity.scope = policy.scope();
		entity.scopeGroup = policy.scope() == SsprScope.SELECTED ? policy.scopeGroup() : null;
		entity.methods.clear();
		entity.methods.addAll(policy.enabledMethods());
		entity.methodsRequired = policy.methodsRequired();
		entity.questionsToRegister = policy.questionsToRegister();
		entity.questionsToReset = policy.questionsToReset();
		entity.requireRegistration = policy.requireRegistration();
		entity.reconfirmDays = policy.reconfirmDays();
		entity.notifyUsers = policy.notifyUsers();
		entity.notifyAdmins = policy.notifyAdmins();
		entity.writebackEnabled = policy.writebackEnabled();
		entity.unlockWithoutReset = policy.unlockWithoutReset();
		entity.showRefusalReason = policy.showRefusalReason();
		entity.externalUsersReset = policy.externalUsersReset();
		entity.updatedAt = clock.instant();
		policies.save(entity);

		for (Long dropped : droppedQuestions(tenantId, settings.customQuestions())) {
			jdbc.sql("delete from security_answer where custom_question_id = ?").param(dropped).update();
			jdbc.sql("delete from custom_question where id = ? and tenant_id = ?").params(dropped, tenantId).update();
		}
		List<String> kept = reads.customQuestions(tenantId).stream().map(CustomQuestion::text).toList();
		for (String text : settings.customQuestions()) {
			if (!kept.contains(text)) {
				jdbc.sql("insert into custom_question (tenant_id, text) values (?, ?)").params(tenantId, text).update();
			}
		}
		jdbc.sql("delete from banned_term where tenant_id = ?").param(tenantId).update();
		for (String term : settings.bannedTerms()) {
			jdbc.sql("insert into banned_term (tenant_id, term) values (?, ?)").params(tenantId, term).update();
		}
		jdbc.sql("delete from return_to_origin where tenant_id = ?").param(tenantId).update();
		for (String origin : settings.returnToOrigins()) {
			jdbc.sql("insert into return_to_origin (tenant_id, origin) values (?, ?)").params(tenantId, origin).update();
		}
	}
}
