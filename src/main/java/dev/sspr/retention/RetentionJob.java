package dev.sspr.retention;

import dev.sspr.cluster.OncePerCluster;
import dev.sspr.throttle.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

/**
 * Deletes what has expired, table by table (docs/notes-h13-limits.md lists why each cut-off is what it
 * is). Each delete is its own statement, so a large purge holds no long transaction and one table's
 * trouble does not keep the others full.
 */
@Service
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	/** One table's delete, with the cut-off it takes for a given "now". */
	private record Purge(String what, String sql, Function<Instant, Object> cutoff) {
	}

	private final JdbcClient jdbc;
	private final Throttle throttle;
	private final OncePerCluster cluster;
	private final RetentionProperties properties;
	private final Clock clock;
	private final List<Purge> purges;
	/** Spring's scheduler: the jobs' one thread pool, stopped with the context. */
	private final TaskScheduler scheduler;

	RetentionJob(JdbcClient jdbc, Throttle throttle, OncePerCluster cluster, RetentionProperties properties, Clock clock,
			@Value("${sspr.verification.failure-window:PT1H}") Duration failureWindow, TaskScheduler scheduler) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.throttle = throttle;
		this.cluster = cluster;
		this.properties = properties;
		this.clock = clock;
		Duration grace = properties.grace();
		this.purges = List.of(
				new Purge("one-time codes", "delete from one_time_code where expires_at < ?", now -> utc(now.minus(grace))),
				new Purge("app approvals", "delete from app_approval where expires_at < ?", now -> utc(now.minus(grace))),
				new Purge("voice approvals", "delete from voice_approval where expires_at < ?", now -> utc(now.minus(grace))),
				// An enrollment is finished in minutes; a day-old one was abandoned and still holds a sealed secret.
				new Purge("authenticator enrollments", "delete from authenticator_enrollment where created_at < ?",
						now -> utc(now.minus(Duration.ofDays(1)))),
				// Failures count toward a block only inside the window (S-10); older ones count for nothing.
				new Purge("verification failures", "delete from verification_failure where occurred_at < ?",
						now -> utc(now.minus(failureWindow))),
				// Mistyped destinations likewise end a flow only inside the failure window.
				new Purge("mistyped destinations", "delete from destination_mismatch where occurred_at < ?",
						now -> utc(now.minus(failureWindow))),
				new Purge("reset blocks", "delete from reset_block where blocked_until < ?", now -> utc(now)),
				// An invitation nobody redeemed is kept a day past its end, so the console can say "expired";
				// the guest's account stays (an administrator invites again or deletes it).
				new Purge("guest invitations", "delete from guest_invitation where redeemed_at is null and expires_at < ?",
						now -> utc(now.minus(Duration.ofDays(1)))),
				new Purge("used captchas", "delete from captcha_used where expires_at < ?", now -> utc(now)),
				// A challenge past its expiry is refused as expired before the used list is read.
				new Purge("used passkey challenges", "delete from webauthn_challenge_used where expires_at < ?",
						now -> utc(now)),
				new Purge("finished messages",
						"delete from outbound_message where status in ('SENT', 'FAILED', 'SUPERSEDED') and finished_at < ?",
						now -> utc(now.minus(properties.outbox()))),
				new Purge("reset completions", "delete from reset_completion where status = 'DONE' and completed_at < ?",
						now -> utc(now.minus(properties.audit()))),
				new Purge("audit records", "delete from audit_record where occurred_at < ?",
						now -> utc(now.minus(properties.audit()))),
				// The newest run of each tenant stays: the console shows it.
				new Purge("directory sync runs", """
						delete from directory_sync_run where started_at < ?
						and id not in (select max(id) from directory_sync_run group by tenant_id)""",
						now -> utc(now.minus(properties.audit()))));
	}

	/** The first run one interval after start-up, then one per {@code sspr.retention.interval} (zero: never). */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = properties.interval().toMillis();
		if (interval > 0) {
			scheduler.scheduleWithFixedDelay(this::runOncePerCluster, scheduler.getClock().instant().plusMillis(interval), Duration.ofMillis(interval));
		}
	}


	/**
	 * This interval's purge, unless another instance ran it already.
	 *
	 * @return rows deleted per kind, or empty when another instance had the turn
	 */
	public Optional<Map<String, Integer>> runOncePerCluster() {
		try {
			return Optional.ofNullable(cluster.run("retention", properties.interval(), this::purge));
		}
		catch (RuntimeException ex) {
			// The next interval tries again; a failed purge only leaves rows a little longer.
			log.error("Retention failed", ex);
			return Optional.empty();
		}
	}

	/** Deletes everything expired as of the portal's clock; rows deleted per kind, in the order run. */
	public Map<String, Integer> purge() {
		Instant now = clock.instant();
		Map<String, Integer> deleted = new LinkedHashMap<>();
		for (Purge purge : purges) {
			deleted.put(purge.what(), jdbc.sql(purge.sql()).param(purge.cutoff().apply(now)).update());
		}
		deleted.put("throttle buckets", throttle.purgeExpired(now));
		deleted.put("sessions", purgeSessions(now));
		log.info("Retention: {}", deleted);
		return deleted;
	}

	/** Expired Spring Session rows; nothing while sessions are not in the database (no such table). */
	private int purgeSessions(Instant now) {
		try {
			// SPRING_SESSION_ATTRIBUTES rows go with their session (on delete cascade).
			return jdbc.sql("delete from spring_session where expiry_time < ?").param(now.toEpochMilli()).update();
		}
		catch (BadSqlGrammarException ex) {
			return 0;
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
