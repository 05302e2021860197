package dev.sspr.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sspr.PortalTest;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.policy.MethodKind;
import dev.sspr.throttle.Throttle;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A proof is accepted once, also when two requests check it at the same moment (the
 * double-submit class): the two checks are held at the row's lock until both have read the proof
 * as valid, then let go; the database decides which one uses it up.
 */
@PortalTest
class ProofRaceTests {

	@Autowired
	OneTimeCodes codes;

	@Autowired
	AppApprovals approvals;

	@Autowired
	DevOutbox outbox;

	@Autowired
	Throttle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void clean() {
		throttle.clearAll();
	}

	long newUser(String email) {
		String userId = TestUsers.in(jdbc).fabrikam().withEmail(email).create();
		return jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
	}

	long blockedSessions() {
		return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null").query(Long.class)
				.single();
	}

	/**
	 * Runs the check twice at once while the row is locked, lets go once both wait for the lock,
	 * and returns both results.
	 */
	List<Check> racing(String table, long rowId, Supplier<Check> check) throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
				.executeWithoutResult(status -> {
					jdbc.sql("select id from " + table + " where id = ? for update").param(rowId).query(Long.class).single();
					locked.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
		locked.await();
		CompletableFuture<Check> first = CompletableFuture.supplyAsync(check);
		CompletableFuture<Check> second = CompletableFuture.supplyAsync(check);
		await().atMost(Duration.ofSeconds(30)).until(() -> blockedSessions() >= 2);
		release.countDown();
		holder.get(30, TimeUnit.SECONDS);
		return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
	}

	String lastCode() {
		Matcher m = Pattern.compile("\\b(\\d{8})\\b").matcher(outbox.entries().get(0).message().body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void whenTheRightCodeIsCheckedTwiceAtOnceThenItIsAcceptedOnce() throws Exception {
		long user = newUser("race.code@pasts.example");
		long tenant = jdbc.sql("select tenant_id from directory_user where id = ?").param(user).query(Long.class).single();
		String flow = "race-code-" + user;
		assertThat(codes.send(new CodeRequest(flow, user, tenant, "Fabrikam", MethodKind.EMAIL, "race.code@pasts.example",
				Locale.ENGLISH, "10.7.7.7"), CodeDelivery.EMAIL)).isEqualTo(SendOutcome.SENT);
		String code = lastCode();
		long row = jdbc.sql("select id from one_time_code where flow_id = ?").param(flow).query(Long.class).single();

		List<Check> results = racing("one_time_code", row, () -> codes.check(flow, user, MethodKind.EMAIL, code));

		assertThat(results).containsOnlyOnce(Check.VALID).doesNotContain(Check.INVALID);
	}

	@Test
	void whenAnApprovalIsReadTwiceAtOnceThenItIsUsedOnce() throws Exception {
		long user = newUser("race.approval@pasts.example");
		String flow = "race-approval-" + user;
		int number = approvals.request(flow, user);
		long row = jdbc.sql("select id from app_approval where flow_id = ?").param(flow).query(Long.class).single();
		assertThat(approvals.answer(user, row, number, true)).isTrue();

		List<Check> results = racing("app_approval", row, () -> approvals.check(flow, user));

		assertThat(results).containsOnlyOnce(Check.VALID);
	}
}
