package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sspr.PostgresAvailable;
import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.directory.Directory;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Ceremonies.Proof;
import dev.sspr.policy.MethodKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passkeys on PostgreSQL, in the suite's PostgreSQL context: every reset case of
 * {@link PasskeyResetTests}, the credential's {@code bytea} byte for byte, a whole reset with a
 * passkey and an email code, and the counter's compare-and-set when two answers race.
 */
@PostgresAvailable
@ActiveProfiles(value = { "dev", "postgres", "test" }, inheritProfiles = false)
class PostgresPasskeyTests extends PasskeyResetTests {

	static final String PASSWORD = "Passkey-Harbour-Tide-58";

	@Autowired
	Directory directory;

	@Autowired
	PlatformTransactionManager transactions;

	long pk(String userId) {
		return jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
	}

	@Test
	void whenRunThenOnPostgres() {
		assertThat(jdbc.sql("select current_schema()").query(String.class).single())
				.isEqualTo(PostgresAvailable.Schema.shared());
		assertThat(jdbc.sql("select data_type from information_schema.columns where table_schema = current_schema() "
				+ "and table_name = 'passkey_credential' and column_name = 'attested_credential_data'")
				.query(String.class).single()).isEqualTo("bytea");
	}

	@Test
	void whenACredentialIsStoredThenItsBytesComeBackUnchanged() {
		SoftwareAuthenticator device = device();
		String userId = userWith(device);
		byte[] stored = jdbc.sql("select attested_credential_data from passkey_credential where credential_id = ?")
				.param(device.credentialId()).query(byte[].class).single();
		byte[] id = Base64.getUrlDecoder().decode(device.credentialId());
		// AAGUID (16 zero bytes for "none"), the id's length, the id, then the COSE key.
		assertThat(Arrays.copyOfRange(stored, 0, 16)).containsOnly(0);
		assertThat(Arrays.copyOfRange(stored, 16, 18)).containsExactly(0, id.length);
		assertThat(Arrays.copyOfRange(stored, 18, 18 + id.length)).containsExactly(id);
		AssertionRequest request = passkeys.assertionRequest(pk(userId));
		assertThat(passkeys.prove(pk(userId), request, device.assertion(request.challenge(), null)))
				.as("read back, the stored credential verifies").isEqualTo(Proof.VALID);

		byte[] everyByte = new byte[256];
		for (int i = 0; i < everyByte.length; i++) {
			everyByte[i] = (byte) i;
		}
		jdbc.sql("""
				insert into passkey_credential (user_id, credential_id, attested_credential_data, sign_count, uv_initialized,
				  backup_eligible, backup_state, friendly_name, created_at) values (?, ?, ?, 0, true, false, false, 'Bytes', now())""")
				.params(pk(TestUsers.in(jdbc).contoso().create()), "AAAA" + device.credentialId(), everyByte).update();
		assertThat(jdbc.sql("select attested_credential_data from passkey_credential where credential_id = ?")
				.param("AAAA" + device.credentialId()).query(byte[].class).single()).containsExactly(everyByte);
	}

	@Test
	void whenAPasskeyAndAnEmailCodeAreProvenThenThePasswordIsReset() throws Exception {
		SoftwareAuthenticator device = device();
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail("pg.passkey@personal.example")
				.withPasskey(passkeys, device).create();
		MockJourney reset = atPasskey(userId);

		assertThat(answer(reset, device.assertion(reset.flow().challenge().passkey().challenge(), null)).getResponse()
				.getRedirectedUrl()).isEqualTo("/reset/method");
		reset.chooseMethod("email");
		reset.confirmDestination("pg.passkey@personal.example");
		reset.enterCode(reset.lastCode());
		assertThat(reset.flow().proven()).containsExactlyInAnyOrder(MethodKind.PASSKEY, MethodKind.EMAIL);
		assertThat(reset.newPassword(PASSWORD, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");

		assertThat(directory.passwordMatches(userId, PASSWORD)).isTrue();
		assertThat(jdbc.sql("select sign_count from passkey_credential where credential_id = ?").param(device.credentialId())
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void whenTwoAnswersWithTheSameCounterRaceThenTheCompareAndSetLetsOneThrough() throws Exception {
		SoftwareAuthenticator device = device();
		long user = pk(userWith(device));
		AssertionRequest first = passkeys.assertionRequest(user);
		AssertionRequest second = passkeys.assertionRequest(user);
		// A clone: both answers carry counter 1, each over its own challenge.
		Assertion one = device.signCount(0).assertion(first.challenge(), null);
		Assertion other = device.signCount(0).assertion(second.challenge(), null);
		long row = jdbc.sql("select id from passkey_credential where credential_id = ?").param(device.credentialId())
				.query(Long.class).single();

		List<Proof> results = racing(row, () -> passkeys.prove(user, first, one), () -> passkeys.prove(user, second, other));

		assertThat(results).containsOnlyOnce(Proof.VALID).doesNotContain(Proof.EXPIRED);
		assertThat(jdbc.sql("select sign_count from passkey_credential where id = ?").param(row).query(Long.class).single())
				.isEqualTo(1);
	}

	/**
	 * Runs both proofs while another transaction holds the credential's row, lets go once both wait
	 * for it (so both checked the same stored counter), and returns both results.
	 */
	List<Proof> racing(long rowId, Supplier<Proof> one, Supplier<Proof> other) throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger holderPid = new AtomicInteger();
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
				.executeWithoutResult(status -> {
					jdbc.sql("select id from passkey_credential where id = ? for update").param(rowId).query(Long.class).single();
					holderPid.set(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
					locked.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
		locked.await();
		CompletableFuture<Proof> first = CompletableFuture.supplyAsync(one);
		CompletableFuture<Proof> second = CompletableFuture.supplyAsync(other);
		// Only sessions this holder blocks count: other schemas on the same server are not ours.
		// (the second may wait behind the first, which waits for the holder).
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from pg_stat_activity a where ? = any(pg_blocking_pids(a.pid)) or exists (
				  select 1 from pg_stat_activity b where b.pid = any(pg_blocking_pids(a.pid)) and ? = any(pg_blocking_pids(b.pid)))""")
				.params(holderPid.get(), holderPid.get()).query(Long.class).single() >= 2);
		release.countDown();
		holder.get(30, TimeUnit.SECONDS);
		return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
	}
}
