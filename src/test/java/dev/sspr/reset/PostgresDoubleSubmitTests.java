package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * Double submits where the claim's locking matters most: PostgreSQL, in the suite's PostgreSQL
 * context (the same configuration as {@link PostgresJourneyTests}, so the same context).
 */
@PostgresAvailable
@ActiveProfiles(value = { "dev", "postgres", "test" }, inheritProfiles = false)
class PostgresDoubleSubmitTests extends DoubleSubmitTests {

	@Test
	void whenRunThenOnPostgres() {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single())
				.isEqualTo(PostgresAvailable.Schema.shared());
	}
}
