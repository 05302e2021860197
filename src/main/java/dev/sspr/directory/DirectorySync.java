package dev.sspr.directory;

import java.time.Duration;
import com.unboundid.ldap.sdk.LDAPException;
import dev.sspr.cluster.OncePerCluster;
import dev.sspr.directory.ldap.LdapDirectory;
import dev.sspr.directory.ldap.LdapDirectory.DirectoryUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the on-premises directory's users into the portal's directory: creates, updates
 * (names, primary email, mobile and office phone, enabled and locked state, groups) and disables
 * users as the directory changes. The directory is read completely before anything is written, and
 * the writes are one transaction: a failed run changes nothing. Registered methods stay untouched.
 */
@Service
public class DirectorySync {

	private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

	/** What one run did, or why it did nothing. */
	public record SyncRun(Instant startedAt, Instant finishedAt, boolean success, int created, int updated,
			int disabled, int skipped, String error) {
	}

	private record Counts(int created, int updated, int disabled, int skipped) {
	}

	private final LdapDirectory ldap;
	private final UserRepository users;
	private final TenantRepository tenants;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final OncePerCluster cluster;
	/** Spring's scheduler: the jobs' one thread pool, stopped with the context. */
	private final TaskScheduler scheduler;

	DirectorySync(LdapDirectory ldap, UserRepository users, TenantRepository tenants, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock, OncePerCluster cluster, TaskScheduler scheduler) {
		this.ldap = ldap;
		this.scheduler = scheduler;
		this.users = users;
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.cluster = cluster;
	}

	/** The tenant whose users the directory holds, when a directory is configured. */
	public Optional<Long> tenantId() {
		return ldap.configured() ? tenants.findByName(ldap.properties().tenant()).map(t -> t.id) : Optional.empty();
	}

	/**
	 * The first run at start-up, then one per {@code sspr.ldap.sync-interval} (zero: on demand only);
	 * with several instances, one of them runs each interval's synchronization.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!ldap.configured()) {
			return;
		}
		runOncePerCluster();
		long interval = ldap.properties().syncInterval().toMillis();
		if (interval > 0) {
			scheduler.scheduleWithFixedDelay(this::runOncePerCluster, scheduler.getClock().instant().plusMillis(interval), Duration.ofMillis(interval));
		}
	}


	/**
	 * This interval's synchronization, unless another instance ran it already.
	 *
	 * @return the run, or empty when another instance had the turn
	 */
	public Optional<SyncRun> runOncePerCluster() {
		Optional<SyncRun> run = Optional.ofNullable(cluster.run("directory-sync", ldap.properties().syncInterval(), this::syncNow));
		log.info("Directory sync: {}", run.map(DirectorySync::describe).orElse("another instance ran this interval's"));
		return run;
	}

	/**
	 * Runs one synchronization now; runs never overlap. The directory is read with no transaction
	 * (no database connection is held during the LDAP search), then written in one.
	 */
	@Transactional(propagation = Propagation.NEVER)
	public synchronized SyncRun syncNow() {
		Instant started = clock.instant();
		// Read in a transaction of its own that ends before the directory is searched.
		Long tenantId = transactions.execute(status -> tenantId()).orElseThrow(() -> new IllegalStateException(
				"sspr.ldap.tenant names no tenant: " + ldap.properties().tenant()));
		List<DirectoryUser> found;
		try {
			found = ldap.readUsers();
		}
		catch (LDAPException ex) {
			return record(tenantId, started, null, "directory unreachable or refused the search (LDAP result "
					+ ex.getResultCode().intValue() + ")");
		}
		try {
			Counts counts = transactions.execute(status -> apply(tenantId, found));
			return record(tenantId, started, counts, null);
		}
		catch (RuntimeException ex) {
			log.error("Directory sync failed while writing; nothing was changed", ex);
			return record(tenantId, started, null, "the portal could not save the changes (" + ex.getClass().getSimpleName() + ")");
		}
	}

	public Optional<SyncRun> lastRun(long tenantId) {
		return jdbc.sql("""
				select started_at, finished_at, success, created, updated, disabled, skipped, error
				from directory_sync_run where tenant_id = ? order by id desc fetch first 1 rows only""")
				.param(tenantId)
				.query((rs, n) -> new SyncRun(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
						rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getBoolean(3), rs.getInt(4),
						rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8)))
				.optional();
	}

	private Counts apply(long tenantId, List<DirectoryUser> found) {
		Set<String> domains = new HashSet<>(jdbc.sql("select domain from tenant_domain where tenant_id = ?")
				.param(tenantId).query(String.class).list());
		Map<String, UserEntity> byExternalId = new HashMap<>();
		Map<String, UserEntity> byUserId = new HashMap<>();
		for (UserEntity user : users.findByTenantIdOrderByDisplayNameAscIdAsc(tenantId)) {
			if (user.externalId != null) {
				byExternalId.put(user.externalId, user);
			}
			byUserId.put(user.userId, user);
		}
		int created = 0;
		int updated = 0;
		int skipped = 0;
		Set<String> seen = new HashSet<>();
		for (DirectoryUser entry : found) {
			String domain = entry.userId().substring(entry.userId().lastIndexOf('@') + 1);
			if (!domains.contains(domain) || !seen.add(entry.externalId())) {
				skipped++;
				continue;
			}
			UserEntity user = byExternalId.get(entry.externalId());
			if (user == null) {
				user = byUserId.get(entry.userId());
				if (user != null && user.externalId != null) {
					skipped++; // the user ID now belongs to another entry; an administrator must look
					continue;
				}
			}
			if (user == null) {
				if (users.findByUserId(entry.userId()).isPresent()) {
					skipped++; // taken by another tenant's user
					continue;
				}
				user = new UserEntity();
				user.tenantId = tenantId;
				user.licensed = true;
				user.passwordSource = ldap.properties().passwordSource();
				copy(entry, user);
				users.save(user);
				created++;
			}
			else if (copy(entry, user)) {
				updated++;
			}
		}
		int disabled = 0;
		for (UserEntity user : byExternalId.values()) {
			if (!seen.contains(user.externalId) && user.enabled) {
				user.enabled = false;
				user.securityStamp++;
				disabled++;
			}
		}
		return new Counts(created, updated, disabled, skipped);
	}

	/** Copies the directory's fields onto the user; whether anything changed. */
	private boolean copy(DirectoryUser entry, UserEntity user) {
		boolean changed = !Objects.equals(user.externalId, entry.externalId()) || !Objects.equals(user.userId, entry.userId())
				|| !Objects.equals(user.displayName, entry.displayName()) || !Objects.equals(user.givenName, entry.givenName())
				|| !Objects.equals(user.surname, entry.surname()) || !Objects.equals(user.primaryEmail, entry.mail())
				|| !Objects.equals(user.mobilePhone, entry.mobile()) || !Objects.equals(user.officePhone, entry.officePhone())
				|| user.enabled != entry.enabled() || user.locked != entry.locked() || !user.groups.equals(entry.groups())
				|| !user.passwordSource.onPremises();
		if (!changed) {
			return false;
		}
		if (user.enabled && !entry.enabled()) {
			user.securityStamp++;
		}
		user.externalId = entry.externalId();
		user.userId = entry.userId();
		user.displayName = truncate(entry.displayName(), 256);
		user.givenName = truncate(entry.givenName(), 100);
		user.surname = truncate(entry.surname(), 100);
		user.primaryEmail = truncate(entry.mail(), 320);
		user.mobilePhone = truncate(entry.mobile(), 40);
		user.officePhone = truncate(entry.officePhone(), 40);
		user.enabled = entry.enabled();
		user.locked = entry.locked();
		user.groups.clear();
		user.groups.addAll(entry.groups());
		if (!user.passwordSource.onPremises()) {
			user.passwordSource = ldap.properties().passwordSource();
			user.passwordHash = null;
		}
		return true;
	}

	private SyncRun record(long tenantId, Instant started, Counts counts, String error) {
		Instant finished = clock.instant();
		Counts c = counts == null ? new Counts(0, 0, 0, 0) : counts;
		jdbc.sql("""
				insert into directory_sync_run (tenant_id, started_at, finished_at, success, created, updated, disabled,
				                                skipped, error)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(tenantId, started.atOffset(ZoneOffset.UTC), finished.atOffset(ZoneOffset.UTC), counts != null,
						c.created(), c.updated(), c.disabled(), c.skipped(), error)
				.update();
		return new SyncRun(started, finished, counts != null, c.created(), c.updated(), c.disabled(), c.skipped(), error);
	}

	private static String describe(SyncRun run) {
		return run.success() ? run.created() + " created, " + run.updated() + " updated, " + run.disabled()
				+ " disabled, " + run.skipped() + " skipped" : "failed: " + run.error();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
