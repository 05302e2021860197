package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recovery job settles a pending reset once, however many instances run it at the same moment:
 * each takes the row with a conditional update first. A write the directory shows (its password
 * version moved) is finished; one it does not show is released.
 */
class PendingResetRecoveryTests extends OnPremisesUserSupport {

	@Autowired
	PendingResetRecovery recovery;

	long userPk;

	@Override
	String mobile() {
		return "+371 2000 0061";
	}

	@BeforeEach
	void userPk() {
		userPk = directory.findUser(userId).orElseThrow().id();
	}

	long stamp() {
		return directory.user(userPk).orElseThrow().securityStamp();
	}

	/** A pending reset nobody holds, as a request leaves it when the database failed after the directory write. */
	String pendingReset(String passwordVersion) {
		String flowId = "recovery-" + System.nanoTime();
		jdbc.sql("""
				insert into reset_completion (flow_id, user_id, security_stamp, outcome, completed_at, status, lease_until,
				                              password_version, tenant_id, subject, methods, client_address, locale)
				values (?, ?, ?, 'PASSWORD_RESET', ?, 'PENDING', ?, ?,
				        (select tenant_id from directory_user where id = ?), ?, 'MOBILE_SMS', '192.0.2.61', 'lv')""")
				.params(flowId, userPk, stamp(), clock.instant().atOffset(ZoneOffset.UTC),
						clock.instant().minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC), passwordVersion, userPk, userId)
				.update();
		return flowId;
	}

	long audited(String flowId) {
		return jdbc.sql("select count(*) from audit_record where flow_id = ? and event_type = 'PASSWORD_RESET'")
				.param(flowId).query(Long.class).single();
	}

	@Test
	void whenSeveralInstancesRecoverAtOnceThenAWrittenResetIsFinishedOnce() throws Exception {
		String flowId = pendingReset("modifyTimestamp=before the write");
		long stampBefore = stamp();

		List<Integer> settled = DoubleSubmitTests.atOnce(i -> recovery::recoverNow);

		assertThat(settled.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
		assertThat(jdbc.sql("select status from reset_completion where flow_id = ?").param(flowId).query(String.class)
				.single()).isEqualTo("DONE");
		assertThat(audited(flowId)).isEqualTo(1);
		assertThat(stamp()).isEqualTo(stampBefore + 1);
		// The unlock, which may be what failed after the password, is done again.
		assertThat(ldap.server().getEntry(dn).hasAttribute("pwdAccountLockedTime")).isFalse();
		assertThat(directory.user(userPk).orElseThrow().locked()).isFalse();
	}

	@Test
	void whenTheDirectoryShowsNoWriteThenThePendingResetIsReleased() throws Exception {
		String flowId = pendingReset(directory.passwordVersion(userPk).orElseThrow());
		long stampBefore = stamp();

		assertThat(recovery.recoverNow()).isEqualTo(1);

		assertThat(jdbc.sql("select count(*) from reset_completion where flow_id = ?").param(flowId).query(Long.class)
				.single()).isZero();
		assertThat(audited(flowId)).isZero();
		assertThat(stamp()).isEqualTo(stampBefore);
		assertThat(ldap.server().getEntry(dn).hasAttribute("pwdAccountLockedTime")).isTrue();
	}
}
