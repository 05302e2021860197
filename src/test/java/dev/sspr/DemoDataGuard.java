package dev.sspr;

import dev.sspr.throttle.Throttle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Demo data is read-only for tests: a test that changes a demo tenant, its policy, or a demo user
 * (password, lock, stamp, methods, passkeys, groups) fails here, naming what it changed. Tests create the
 * users they change with {@link TestUsers}, or put back what they changed in an {@code @AfterEach}.
 * Without this, a test passes or fails by the order the suite runs in. After every test the
 * transient state goes too (failure counts, blocks, used TOTP steps, open codes and approvals,
 * throttles), so that no test inherits another's.
 */
public class DemoDataGuard implements BeforeEachCallback, AfterEachCallback {

	/** Per context's database: the highest user id the demo data has (test users come after). */
	private static final Map<DataSource, Long> LAST_DEMO_USER = new ConcurrentHashMap<>();

	private static final String[] TENANT_TABLES = { "tenant", "tenant_domain", "sspr_policy", "sspr_policy_method",
			"banned_term", "custom_question", "return_to_origin" };
	/** Passkeys included: their names, counters and last use (Theo's demo passkey is answered in a browser). */
	private static final String[] USER_TABLES = { "security_answer", "authenticator_app", "user_group",
			"user_admin_role", "passkey_user", "passkey_credential" };

	@Override
	public void beforeEach(ExtensionContext context) {
		store(context).put(DemoDataGuard.class, snapshot(context));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<?> before = store(context).remove(DemoDataGuard.class, List.class);
		List<String> after = snapshot(context);
		clearTransientState(SpringExtension.getApplicationContext(context));
		if (before != null && !before.equals(after)) {
			List<String> changed = new ArrayList<>(after);
			changed.removeAll(before);
			List<Object> gone = new ArrayList<>(before);
			gone.removeAll(after);
			throw new AssertionError("This test changed the demo data, which other tests read (create the users you "
					+ "change with TestUsers, or put back what you change):\n  now:    "
					+ String.join("\n  now:    ", changed) + "\n  before: "
					+ gone.stream().map(String::valueOf).collect(Collectors.joining("\n  before: ")));
		}
	}

	private static void clearTransientState(ApplicationContext spring) {
		clearTransientState(JdbcClient.create(spring.getBean(DataSource.class)), spring.getBean(Throttle.class));
	}

	/** Failure counts, mistyped destinations, blocks, used TOTP steps, open codes and approvals, throttles: what no test may inherit. */
	public static void clearTransientState(JdbcClient jdbc, Throttle throttle) {
		jdbc.sql("delete from verification_failure").update();
		jdbc.sql("delete from destination_mismatch").update();
		jdbc.sql("delete from reset_block").update();
		jdbc.sql("update authenticator_app set last_used_step = 0 where last_used_step <> 0").update();
		jdbc.sql("update one_time_code set closed = true where closed = false").update();
		jdbc.sql("update app_approval set status = 'REPLACED' where status = 'PENDING'").update();
		throttle.clearAll();
	}

	private static ExtensionContext.Store store(ExtensionContext context) {
		return context.getStore(ExtensionContext.Namespace.create(DemoDataGuard.class, context.getUniqueId()));
	}

	private static List<String> snapshot(ExtensionContext context) {
		DataSource dataSource = SpringExtension.getApplicationContext(context).getBean(DataSource.class);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long lastDemoUser = LAST_DEMO_USER.computeIfAbsent(dataSource,
				ds -> jdbc.sql("select coalesce(max(id), 0) from directory_user").query(Long.class).single());
		List<String> rows = new ArrayList<>();
		for (String table : TENANT_TABLES) {
			rows.addAll(rows(jdbc, table, "select * from " + table + " order by 1, 2", null));
		}
		rows.addAll(rows(jdbc, "directory_user", "select * from directory_user where id <= ? order by id", lastDemoUser));
		for (String table : USER_TABLES) {
			rows.addAll(rows(jdbc, table, "select * from " + table + " where user_id <= ? order by 1, 2", lastDemoUser));
		}
		return rows;
	}

	private static List<String> rows(JdbcClient jdbc, String table, String sql, Long parameter) {
		var statement = jdbc.sql(sql);
		if (parameter != null) {
			statement = statement.param(parameter);
		}
		return statement.query().listOfRows().stream().map(row -> table + " " + row.entrySet().stream()
				// Which TOTP step was used last is transient state, cleared after every test.
				.filter(e -> !e.getKey().equalsIgnoreCase("last_used_step"))
				.map(e -> e.getKey().toLowerCase() + "=" + (e.getValue() instanceof byte[] bytes ? Arrays.hashCode(bytes)
						: e.getValue()))
				.collect(Collectors.joining(", "))).toList();
	}
}
