package dev.sspr.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.PortalTest;
import dev.sspr.TestClock;
import dev.sspr.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What retention deletes and what it keeps, table by table, on the embedded database. */
@PortalTest
class RetentionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionJob retention;

	@Autowired
	TestClock clock;

	String marker;
	long userPk;
	Instant now;

	@BeforeEach
	void user() {
		marker = UUID.randomUUID().toString().substring(0, 12);
		String userId = TestUsers.in(jdbc).contoso().withUserId("retention-" + marker + "@contoso.example").create();
		userPk = jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
		now = clock.instant();
	}

	@Test
	void whenCodesAndApprovalsExpiredLongerThanTheGraceThenPurgedAndLiveOnesKept() {
		code("old-" + marker, now.minus(Duration.ofHours(2)));
		code("live-" + marker, now.plus(Duration.ofMinutes(5)));
		code("just-expired-" + marker, now.minus(Duration.ofMinutes(5)));
		approval("old-" + marker, now.minus(Duration.ofHours(2)));
		approval("live-" + marker, now.plus(Duration.ofMinutes(2)));

		Map<String, Integer> deleted = retention.purge();

		assertThat(jdbc.sql("select flow_id from one_time_code where user_id = ? order by flow_id").param(userPk)
				.query(String.class).list()).containsExactly("just-expired-" + marker, "live-" + marker);
		assertThat(jdbc.sql("select flow_id from app_approval where user_id = ?").param(userPk).query(String.class).list())
				.containsExactly("live-" + marker);
		assertThat(deleted.get("one-time codes")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void whenFailuresOutsideTheirWindowAndBlocksOverThenPurged() {
		jdbc.sql("insert into verification_failure (user_id, occurred_at) values (?, ?), (?, ?)")
				.params(userPk, utc(now.minus(Duration.ofMinutes(61))), userPk, utc(now.minus(Duration.ofMinutes(5)))).update();
		jdbc.sql("insert into destination_mismatch (user_id, occurred_at) values (?, ?), (?, ?)")
				.params(userPk, utc(now.minus(Duration.ofMinutes(61))), userPk, utc(now.minus(Duration.ofMinutes(5)))).update();
		jdbc.sql("insert into reset_block (user_id, blocked_until) values (?, ?)").params(userPk, utc(now.minusSeconds(1)))
				.update();

		retention.purge();

		assertThat(jdbc.sql("select count(*) from destination_mismatch where user_id = ?").param(userPk).query(Long.class)
				.single()).as("the mistyped destination inside the hour still counts").isEqualTo(1);

		assertThat(jdbc.sql("select count(*) from verification_failure where user_id = ?").param(userPk).query(Long.class)
				.single()).as("the failure inside the hour still counts toward a block").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from reset_block where user_id = ?").param(userPk).query(Long.class).single())
				.isZero();
	}

	@Test
	void whenAnActiveBlockThenKept() {
		jdbc.sql("insert into reset_block (user_id, blocked_until) values (?, ?)").params(userPk, utc(now.plusSeconds(60)))
				.update();

		retention.purge();

		assertThat(jdbc.sql("select count(*) from reset_block where user_id = ?").param(userPk).query(Long.class).single())
				.isEqualTo(1);
	}

	@Test
	void whenMessagesFinishedOverThirtyDaysAgoThenPurgedAndPendingOnesKept() {
		message("SENT", now.minus(Duration.ofDays(31)));
		message("FAILED", now.minus(Duration.ofDays(31)));
		message("SENT", now.minus(Duration.ofDays(29)));
		message("PENDING", null);

		retention.purge();

		assertThat(jdbc.sql("select status from outbound_message where correlation = ? order by status")
				.param(marker).query(String.class).list()).containsExactly("PENDING", "SENT");
	}

	@Test
	void whenAuditRecordsAndCompletionsOlderThanAYearThenPurged() {
		for (Instant at : List.of(now.minus(Duration.ofDays(366)), now.minus(Duration.ofDays(364)))) {
			jdbc.sql("insert into audit_record (occurred_at, subject, event_type, outcome) values (?, ?, 'STARTED', 'SUCCESS')")
					.params(utc(at), marker).update();
		}
		jdbc.sql("""
				insert into reset_completion (flow_id, user_id, security_stamp, outcome, completed_at)
				values (?, ?, 1, 'RESET', ?), (?, ?, 2, 'RESET', ?)""")
				.params("old-" + marker, userPk, utc(now.minus(Duration.ofDays(366))), "new-" + marker, userPk,
						utc(now.minus(Duration.ofDays(1))))
				.update();
		// A pending reset is finished or released by recovery, never purged by age.
		jdbc.sql("insert into reset_completion (flow_id, user_id, security_stamp, outcome, completed_at, status) "
				+ "values (?, ?, 3, 'RESET', ?, 'PENDING')")
				.params("pending-" + marker, userPk, utc(now.minus(Duration.ofDays(400)))).update();

		retention.purge();

		assertThat(jdbc.sql("select occurred_at from audit_record where subject = ?").param(marker)
				.query(OffsetDateTime.class).list()).hasSize(1).allSatisfy(at -> assertThat(at.toInstant())
						.isAfter(now.minus(Duration.ofDays(365))));
		assertThat(jdbc.sql("select flow_id from reset_completion where user_id = ?").param(userPk).query(String.class)
				.list()).containsExactlyInAnyOrder("new-" + marker, "pending-" + marker);
	}

	@Test
	void whenUsedCaptchasExpiredThenPurged() {
		jdbc.sql("insert into captcha_used (signature_hash, expires_at) values (?, ?), (?, ?)")
				.params("old-" + marker, utc(now.minusSeconds(1)), "live-" + marker, utc(now.plusSeconds(60))).update();

		retention.purge();

		assertThat(jdbc.sql("select signature_hash from captcha_used where signature_hash like ?").param("%" + marker)
				.query(String.class).list()).containsExactly("live-" + marker);
	}

	@Test
	void whenUsedPasskeyChallengesExpiredThenPurged() {
		jdbc.sql("insert into webauthn_challenge_used (challenge_hash, expires_at) values (?, ?), (?, ?)")
				.params("old-" + marker, utc(now.minusSeconds(1)), "live-" + marker, utc(now.plusSeconds(60))).update();

		Map<String, Integer> deleted = retention.purge();

		assertThat(jdbc.sql("select challenge_hash from webauthn_challenge_used where challenge_hash like ?")
				.param("%" + marker).query(String.class).list()).containsExactly("live-" + marker);
		assertThat(deleted.get("used passkey challenges")).isGreaterThanOrEqualTo(1);
	}

	private void code(String flowId, Instant expires) {
		jdbc.sql("""
				insert into one_time_code (flow_id, user_id, method, code_hash, created_at, expires_at)
				values (?, ?, 'email', 'x', ?, ?)""")
				.params(flowId, userPk, utc(expires.minus(Duration.ofMinutes(10))), utc(expires)).update();
	}

	private void approval(String flowId, Instant expires) {
		jdbc.sql("""
				insert into app_approval (user_id, flow_id, number_shown, status, created_at, expires_at)
				values (?, ?, 42, 'PENDING', ?, ?)""")
				.params(userPk, flowId, utc(expires.minus(Duration.ofMinutes(2))), utc(expires)).update();
	}

	private void message(String status, Instant finished) {
		jdbc.sql("""
				insert into outbound_message (created_at, channel, masked_to, correlation, status, next_attempt_at, finished_at)
				values (?, 'EMAIL', 'm***@example.com', ?, ?, ?, ?)""")
				.params(utc(now.minus(Duration.ofDays(40))), marker, status, utc(now.minus(Duration.ofDays(40))),
						finished == null ? null : utc(finished))
				.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
