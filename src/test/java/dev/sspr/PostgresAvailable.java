package dev.sspr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers at {@link #URL}. In CI (or with
 * {@code SSPR_REQUIRE_POSTGRES=true}) an unreachable server fails the build instead of skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.Condition.class)
public @interface PostgresAvailable {

	String URL = Condition.env("SSPR_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	String USER = Condition.env("SSPR_TEST_PG_USER", "postgres");
	String PASSWORD = Condition.env("SSPR_TEST_PG_PASSWORD", "");

	/**
	 * A throwaway schema for the JVM's PostgreSQL context (see {@link TestContexts}): migrated with the
	 * demo data, dropped when the JVM ends. The context runs {@code dev, postgres, test}.
	 */
	final class Schema {

		private Schema() {
		}

		private static String shared;

		/** The JVM's schema: made on first use, dropped when the JVM ends. */
		public static synchronized String shared() {
			if (shared == null) {
				shared = "sspr_it_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
				String dropped = shared;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						drop(dropped);
					}
					catch (java.sql.SQLException ex) {
						System.err.println("Could not drop test schema " + dropped + ": " + ex.getMessage());
					}
				}));
			}
			return shared;
		}

		/** The settings that run a context on this schema, with the demo data for the dev outbox's journeys. */
		public static java.util.Map<String, Object> properties(String schema) {
			return java.util.Map.of("spring.datasource.url", URL + "?currentSchema=" + schema,
					"spring.datasource.username", USER, "spring.datasource.password", PASSWORD,
					"spring.flyway.schemas", schema,
					"spring.flyway.locations", "classpath:db/migration,classpath:db/demo");
		}

		public static void drop(String schema) throws java.sql.SQLException {
			try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
				c.createStatement().execute("drop schema if exists " + schema + " cascade");
			}
		}
	}

	final class Condition implements ExecutionCondition {

		static String env(String name, String fallback) {
			String value = System.getenv(name);
			return value == null || value.isBlank() ? fallback : value;
		}

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			DriverManager.setLoginTimeout(5);
			try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
				return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
			}
			catch (Exception ex) {
				boolean required = "true".equalsIgnoreCase(System.getenv("SSPR_REQUIRE_POSTGRES"))
						|| "true".equalsIgnoreCase(System.getenv("CI"));
				String message = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + ex.getMessage() + ")";
				if (required) {
					throw new IllegalStateException(message + "; the PostgreSQL tests are mandatory in CI");
				}
				System.err.println("SKIPPED " + context.getDisplayName() + ": " + message
						+ ". Set SSPR_REQUIRE_POSTGRES=true to make this a failure.");
				return ConditionEvaluationResult.disabled(message + "; skipped outside CI");
			}
		}
	}
}
