package dev.sspr.admin;

import dev.sspr.PostgresAvailable;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every invitation test on PostgreSQL (production's database): the conditional redemption under two
 * concurrent posts, the console's invitation queries, retention's delete. Mandatory in CI.
 */
@PostgresAvailable
@ActiveProfiles(value = { "dev", "postgres", "test" }, inheritProfiles = false)
class PostgresInvitationTests extends InvitationTests {

	static final String SCHEMA = PostgresAvailable.Schema.shared();
}
