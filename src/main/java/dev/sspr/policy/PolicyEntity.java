package dev.sspr.policy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "sspr_policy")
class PolicyEntity {

	@Id
	@Column(name = "tenant_id")
	Long tenantId;

	@Enumerated(EnumType.STRING)
	SsprScope scope;

	String scopeGroup;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sspr_policy_method", joinColumns = @JoinColumn(name = "tenant_id"))
	@Column(name = "method")
	@Enumerated(EnumType.STRING)
	Set<MethodKind> methods = new HashSet<>();

	int methodsRequired;
	int questionsToRegister;
	int questionsToReset;
	boolean requireRegistration;
	int reconfirmDays;
	boolean notifyUsers;
	boolean notifyAdmins;
	boolean writebackEnabled;
	boolean unlockWithoutReset;
	boolean showRefusalReason;
	boolean externalUsersReset;
	Instant updatedAt;

	SsprPolicy toPolicy() {
		return new SsprPolicy(scope, scopeGroup, methods.isEmpty() ? EnumSet.noneOf(MethodKind.class) : EnumSet.copyOf(methods),
				methodsRequired, questionsToRegister, questionsToReset, requireRegistration, reconfirmDays, notifyUsers,
				notifyAdmins, writebackEnabled, unlockWithoutReset, showRefusalReason, externalUsersReset);
	}
}
