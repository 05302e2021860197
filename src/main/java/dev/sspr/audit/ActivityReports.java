package dev.sspr.audit;

import dev.sspr.input.LikePattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's view of the audit log: one tenant's activity, filtered, paged and counted. */
@Service
@Transactional(readOnly = true)
public class ActivityReports {

	/** One page of entries, newest first. */
	public record ActivityPage(List<AuditEntry> entries, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/** Resets by outcome on one day. */
	public record DailyOutcomes(LocalDate day, int succeeded, int failed) {
	}

	/** The event types a reset or an unlock ends with, and the refusals: what the dashboard counts. */
	static final List<String> RESET_ENDINGS = List.of("PASSWORD_RESET", "ACCOUNT_UNLOCKED", "REFUSED", "BLOCKED",
			"WRITE_FAILED");

	private static final String ENTRY_COLUMNS = "a.id, a.occurred_at, a.tenant_id, a.subject, a.event_type, a.outcome, "
			+ "a.reason, a.methods, a.client_address, a.flow_id, a.actor, a.details";
	private static final String COLUMNS = ENTRY_COLUMNS + ", u.display_name";
	private static final String FROM = " from audit_record a left join directory_user u"
			+ " on u.user_id = a.subject and u.tenant_id = a.tenant_id";

	private final JdbcClient jdbc;
	private final Clock clock;

	ActivityReports(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public ActivityPage search(long tenantId, ActivityFilter filter, int page, int size) {
		Where where = where(tenantId, filter);
		long total = jdbc.sql("select count(*) from audit_record a" + where.sql).params(where.params).query(Long.class)
				.single();
		List<Object> params = new ArrayList<>(where.params);
		params.add((long) page * size);
		params.add(size);
		List<AuditEntry> entries = jdbc.sql("select " + COLUMNS + FROM + where.sql
						+ " order by a.occurred_at desc, a.id desc offset ? rows fetch next ? rows only")
				.params(params).query((rs, n) -> entry(rs)).list();
		return new ActivityPage(entries, page, size, total);
	}

	/**
	 * The newest entries about one user, newest first: the user ID matched exactly (user IDs are stored
	 * normalized), so {@code an@…} never shows {@code dan@…}'s events. The index
	 * {@code audit_record_tenant_subject_time} finds them already in this order.
	 */
	public List<AuditEntry> ofUser(long tenantId, String userId, int limit) {
		return jdbc.sql("select " + ENTRY_COLUMNS + """
				 from audit_record a where a.tenant_id = ? and a.subject = ?
				order by a.occurred_at desc, a.id desc fetch first ? rows only""")
				.params(tenantId, userId, limit).query((rs, n) -> entry(rs)).list();
	}

	/** Every matching entry, newest first, one at a time (the CSV export). */
	public void each(long tenantId, ActivityFilter filter, Consumer<AuditEntry> consumer) {
		Where where = where(tenantId, filter);
		jdbc.sql("select " + COLUMNS + FROM + where.sql + " order by a.occurred_at desc, a.id desc")
				.params(where.params).query(rs -> {
					consumer.accept(entry(rs));
				});
	}

	/** Reset outcomes per day (UTC) for the last {@code days} days, today included; days without any are zero. */
	public List<DailyOutcomes> resetsPerDay(long tenantId, int days) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = today.minusDays(days - 1L);
		Map<LocalDate, int[]> counts = new LinkedHashMap<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			counts.put(day, new int[2]);
		}
		jdbc.sql("select occurred_at, outcome from audit_record where tenant_id = ? and occurred_at >= ? and event_type in ("
						+ placeholders(RESET_ENDINGS.size()) + ")")
				.params(concat(List.of(tenantId, first.atStartOfDay().atOffset(ZoneOffset.UTC)), RESET_ENDINGS))
				.query(rs -> {
					LocalDate day = rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
					int[] count = counts.get(day);
					if (count != null) {
						count["SUCCESS".equals(rs.getString(2)) ? 0 : 1]++;
					}
				});
		return counts.entrySet().stream().map(e -> new DailyOutcomes(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	/** The most frequent refusal reasons of the last {@code days} days, most frequent first. */
	public Map<String, Integer> topRefusals(long tenantId, int days, int limit) {
		OffsetDateTime since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1L).atStartOfDay()
				.atOffset(ZoneOffset.UTC);
		Map<String, Integer> top = new LinkedHashMap<>();
		jdbc.sql("""
				select reason, count(*) from audit_record
				where tenant_id = ? and occurred_at >= ? and event_type = 'REFUSED' and reason is not null
				group by reason order by count(*) desc, reason fetch first ? rows only""")
				.params(tenantId, since, limit)
				.query(rs -> {
					top.put(rs.getString(1), rs.getInt(2));
				});
		return top;
	}

	/** The event types this tenant's log holds, for the filter's choices. */
	public List<String> eventTypes(long tenantId) {
		return jdbc.sql("select distinct event_type from audit_record where tenant_id = ? order by event_type")
				.param(tenantId).query(String.class).list();
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(long tenantId, ActivityFilter filter) {
		StringBuilder sql = new StringBuilder(" where a.tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(tenantId));
		if (filter.from() != null) {
			sql.append(" and a.occurred_at >= ?");
			params.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			sql.append(" and a.occurred_at < ?");
			params.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.outcome() != null) {
			sql.append(" and a.outcome = ?");
			params.add(filter.outcome());
		}
		if (filter.eventType() != null) {
			sql.append(" and a.event_type = ?");
			params.add(filter.eventType());
		}
		if (filter.user() != null && !filter.user().isBlank()) {
			sql.append(" and lower(a.subject) like ? escape '!'");
			params.add(LikePattern.containing(filter.user()));
		}
		return new Where(sql.toString(), params);
	}

	static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
				rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
				rs.getMetaData().getColumnCount() > 12 ? rs.getString(13) : null);
	}

	private static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	private static List<Object> concat(List<Object> first, List<String> second) {
		List<Object> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}
}
