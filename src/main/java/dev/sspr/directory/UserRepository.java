package dev.sspr.directory;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<UserEntity, Long> {

	/**
	 * One query whether or not the user exists, groups and roles included, so that looking up an
	 * unknown user costs what looking up a known one does (S-01).
	 */
	@EntityGraph(attributePaths = { "groups", "adminRoles" })
	Optional<UserEntity> findByUserId(String userId);
}
