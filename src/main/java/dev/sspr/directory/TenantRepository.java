package dev.sspr.directory;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<TenantEntity, Long> {

	@Query("select t from TenantEntity t where t.id = (select d.tenantId from TenantDomainEntity d where d.domain = ?1)")
	Optional<TenantEntity> findByDomain(String domain);

	/** A tenant may own several domains; the alphabetically first names its guests. */
	@Query("select min(d.domain) from TenantDomainEntity d where d.tenantId = ?1")
	Optional<String> firstDomain(long tenantId);

	Optional<TenantEntity> findByName(String name);
}
