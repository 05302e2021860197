package dev.sspr.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticator apps (TOTP, S-22): secret of at least 160 bits, encrypted at rest; codes of the
 * current step and one either side accepted, each time step at most once.
 */
@Service
public class AuthenticatorApps {

	private final JdbcClient jdbc;
	private final SecretCipher cipher;
	private final FailureLedger failures;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	AuthenticatorApps(JdbcClient jdbc, SecretCipher cipher, FailureLedger failures, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.failures = failures;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean hasActiveApp(long userPk) {
		return jdbc.sql("select count(*) from authenticator_app where user_id = ? and active = true")
				.param(userPk).query(Long.class).single() > 0;
	}

	/** Stores a secret for the user, replacing any earlier one. */
	@Transactional
	public void register(long userPk, byte[] secret, boolean active) {
		if (secret.length < 20) {
			throw new IllegalArgumentException("authenticator secret must be at least 160 bits");
		}
		jdbc.sql("delete from authenticator_app where user_id = ?").param(userPk).update();
		jdbc.sql("insert into authenticator_app (user_id, secret_ciphertext, active, last_used_step) values (?, ?, ?, 0)")
				.params(userPk, cipher.encrypt(secret, userPk), active).update();
	}

	/** Removes the user's app, and any app being set up. */
	@Transactional
	public void remove(long userPk) {
		jdbc.sql("delete from authenticator_app where user_id = ?").param(userPk).update();
		jdbc.sql("delete from authenticator_enrollment where user_id = ?").param(userPk).update();
	}

	/** Starts setting up an app: a fresh 160-bit secret, kept encrypted until its first code is confirmed. */
	@Transactional
	public byte[] startEnrollment(long userPk) {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		jdbc.sql("delete from authenticator_enrollment where user_id = ?").param(userPk).update();
		jdbc.sql("insert into authenticator_enrollment (user_id, secret_ciphertext, created_at) values (?, ?, ?)")
				.params(userPk, cipher.encrypt(secret, userPk), FailureLedger.utc(clock.instant())).update();
		return secret;
	}

	/** The secret of the app being set up, to show again (QR and text) after a wrong code. */
	@Transactional(readOnly = true)
	public Optional<byte[]> pendingSecret(long userPk) {
		return jdbc.sql("select secret_ciphertext from authenticator_enrollment where user_id = ?").param(userPk)
				.query(String.class).optional().map(c -> cipher.decrypt(c, userPk));
	}

	/**
	 * Confirms the app being set up with its first code; only then does it replace the active one. The
	 * code's time step counts as used, so the same code cannot also prove a reset (S-22).
	 */
	@Transactional
	public boolean confirmEnrollment(long userPk, String typed) {
		Optional<byte[]> secret = pendingSecret(userPk);
		if (secret.isEmpty()) {
			return false;
		}
		long matched = matchingStep(secret.get(), typed);
		if (matched < 0) {
			return false;
		}
		register(userPk, secret.get(), true);
		jdbc.sql("update authenticator_app set last_used_step = ? where user_id = ?").params(matched, userPk).update();
		jdbc.sql("delete from authenticator_enrollment where user_id = ?").param(userPk).update();
		return true;
	}

	/** Checks a code from the app; a wrong code counts against the account, a replayed one too. */
	@Transactional
	public Check check(long userPk, String typed) {
		if (failures.isBlocked(userPk)) {
			return Check.BLOCKED;
		}
		Optional<Stored> stored = jdbc.sql("select secret_ciphertext, last_used_step from authenticator_app where user_id = ? and active = true")
				.param(userPk)
				.query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2)))
				.optional();
		if (stored.isEmpty()) {
			return failures.recordFailure(userPk) ? Check.BLOCKED : Check.INVALID;
		}
		long matched = matchingStep(cipher.decrypt(stored.get().ciphertext(), userPk), typed);
		if (matched < 0) {
			return failures.recordFailure(userPk) ? Check.BLOCKED : Check.INVALID;
		}
		// Accept each step once; the guarded update also settles two concurrent submissions.
		int claimed = jdbc.sql("update authenticator_app set last_used_step = ? where user_id = ? and last_used_step < ?")
				.params(matched, userPk, matched).update();
		return claimed == 1 ? Check.VALID : Check.REPLAYED;
	}

	/** The time step (now or one either side) whose code this is, or -1. */
	private long matchingStep(byte[] secret, String typed) {
		long now = Totp.stepOf(clock.instant());
		long matched = -1;
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(Totp.codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
					typed.strip().getBytes(StandardCharsets.US_ASCII))) {
				matched = step;
			}
		}
		return matched;
	}

	private record Stored(String ciphertext, long lastUsedStep) {
	}

	/** The users of a tenant with an active app. */
	@Transactional(readOnly = true)
	public Set<Long> activeInTenant(long tenantId) {
		return Set.copyOf(jdbc.sql("""
				select a.user_id from authenticator_app a join directory_user u on u.id = a.user_id
				where u.tenant_id = ? and a.active = true""").param(tenantId).query(Long.class).list());
	}
}
