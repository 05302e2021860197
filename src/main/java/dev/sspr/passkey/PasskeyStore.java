package dev.sspr.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code passkey_credential} and {@code passkey_user}. */
@Component
class PasskeyStore {

	/** One stored credential, with what the next assertion is checked against. */
	record Row(long id, long userPk, String credentialId, byte[] attestedCredentialData, long signCount,
			boolean uvInitialized, boolean backupEligible, boolean backupState, String transports) {
	}

	private static final String COLUMNS = "id, user_id, credential_id, attested_credential_data, sign_count, "
			+ "uv_initialized, backup_eligible, backup_state, transports";

	private final JdbcClient jdbc;

	PasskeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> userHandle(long userPk) {
		return jdbc.sql("select user_handle from passkey_user where user_id = ?").param(userPk).query(String.class).optional();
	}

	/** Records a handle unless the user has one; answers the one that stands. */
	String userHandle(long userPk, String candidate) {
		Optional<String> existing = userHandle(userPk);
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("insert into passkey_user (user_id, user_handle) values (?, ?)").params(userPk, candidate).update();
		return candidate;
	}

	Optional<Row> find(String credentialId) {
		return jdbc.sql("select " + COLUMNS + " from passkey_credential where credential_id = ?").param(credentialId)
				.query(PasskeyStore::row).optional();
	}

	List<String> credentialIds(long userPk) {
		return jdbc.sql("select credential_id from passkey_credential where user_id = ? order by id").param(userPk)
				.query(String.class).list();
	}

	int count(long userPk) {
		return jdbc.sql("select count(*) from passkey_credential where user_id = ?").param(userPk).query(Integer.class).single();
	}

	Map<Long, Integer> countsInTenant(long tenantId) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("select p.user_id, count(*) from passkey_credential p join directory_user u on u.id = p.user_id "
				+ "where u.tenant_id = ? group by p.user_id").param(tenantId)
				.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
		return counts;
	}

	List<Passkey> list(long userPk) {
		return jdbc.sql("select id, friendly_name, created_at, last_used_at from passkey_credential where user_id = ? order by id")
				.param(userPk)
				.query((rs, n) -> new Passkey(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4))).list();
	}

	void insert(long userPk, String credentialId, byte[] attestedCredentialData, long signCount, boolean uv,
			boolean backupEligible, boolean backupState, String transports, String name, Instant now) {
		jdbc.sql("insert into passkey_credential (user_id, credential_id, attested_credential_data, sign_count, "
				+ "uv_initialized, backup_eligible, backup_state, transports, friendly_name, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(userPk, credentialId, attestedCredentialData, signCount, uv, backupEligible, backupState,
						transports, name, utc(now))
				.update();
	}

	/**
	 * Moves the counter on from the value the assertion was checked against; false when another
	 * request moved it first (the same authenticator answering twice at once).
	 */
	boolean used(Row row, long signCount, boolean backupState, boolean uvInitialized, Instant now) {
		return jdbc.sql("update passkey_credential set sign_count = ?, backup_state = ?, uv_initialized = ?, "
				+ "last_used_at = ? where id = ? and sign_count = ?")
				.params(signCount, backupState, uvInitialized, utc(now), row.id(), row.signCount()).update() == 1;
	}

	boolean rename(long userPk, long id, String name) {
		return jdbc.sql("update passkey_credential set friendly_name = ? where id = ? and user_id = ?")
				.params(name, id, userPk).update() == 1;
	}

	boolean delete(long userPk, long id) {
		return jdbc.sql("delete from passkey_credential where id = ? and user_id = ?").params(id, userPk).update() == 1;
	}

	int deleteAll(long userPk) {
		return jdbc.sql("delete from passkey_credential where user_id = ?").param(userPk).update();
	}

	Optional<String> name(long userPk, long id) {
		return jdbc.sql("select friendly_name from passkey_credential where id = ? and user_id = ?").params(id, userPk)
				.query(String.class).optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getLong(5), rs.getBoolean(6),
				rs.getBoolean(7), rs.getBoolean(8), rs.getString(9));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
