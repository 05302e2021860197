package dev.sspr.policy;

import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyRepository extends JpaRepository<PolicyEntity, Long> {
}
