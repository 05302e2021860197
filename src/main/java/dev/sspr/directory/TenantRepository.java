package dev.sspr.directory;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<TenantEntity, Long> {

	@Query("select t from TenantEntity t where t.id = (select d.tenantId from TenantDomainEntity d where d.domain = ?1)")
	Optional<TenantEntity> findByDomain(String domain);

	Optional<TenantEntity> findByName(String name);
}
