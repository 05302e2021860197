package dev.sspr.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<UserEntity, Long> {

	/**
	 * One query whether or not the user exists, groups and roles included, so that looking up an
	 * unknown user costs what looking up a known one does (S-01).
	 */
	@EntityGraph(attributePaths = { "groups", "adminRoles" })
	Optional<UserEntity> findByUserId(String userId);

	/** Guests and sign-up users found by the address they were invited or signed up with, in one query. */
	@EntityGraph(attributePaths = { "groups", "adminRoles" })
	List<UserEntity> findByExternalEmail(String externalEmail);

	Optional<UserEntity> findByTenantIdAndExternalEmail(long tenantId, String externalEmail);

	Optional<UserEntity> findByIdAndTenantId(long id, long tenantId);

	List<UserEntity> findByTenantIdOrderByDisplayNameAscIdAsc(long tenantId);

	/** {@code pattern} is a lower-case LIKE pattern whose own wildcards are escaped with {@code !}. */
	@Query("""
			select u from UserEntity u where u.tenantId = :tenantId
			and (lower(u.userId) like :pattern escape '!' or lower(u.displayName) like :pattern escape '!')""")
	Page<UserEntity> search(@Param("tenantId") long tenantId, @Param("pattern") String pattern, Pageable page);
}
