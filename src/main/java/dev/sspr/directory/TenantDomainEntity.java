package dev.sspr.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tenant_domain")
class TenantDomainEntity {

	@Id
	String domain;
	Long tenantId;
}
