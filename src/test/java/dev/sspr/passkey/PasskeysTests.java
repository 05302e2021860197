package dev.sspr.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sspr.AtOnce;
import dev.sspr.PortalTest;
import dev.sspr.TestClock;
import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Ceremonies.Proof;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an assertion must pass besides its signature: the stored counter, the backup flags, the
 * origin and relying party, the owner's user handle, a challenge answered once (also when two
 * requests answer at the same moment) and, for a sign-in, a challenge this portal signed and that
 * has not expired.
 */
@PortalTest
class PasskeysTests {

	static final String ORIGIN = "http://localhost:8080";

	@Autowired
	Passkeys passkeys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	static SoftwareAuthenticator device() {
		return SoftwareAuthenticator.create("localhost", ORIGIN);
	}

	/** A new Fabrikam user holding this device's passkey; its primary key. */
	long userWith(SoftwareAuthenticator device) {
		String userId = TestUsers.in(jdbc).fabrikam().withPasskey(passkeys, device).create();
		return jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
	}

	String handleOf(long userPk) {
		return jdbc.sql("select user_handle from passkey_user where user_id = ?").param(userPk).query(String.class).single();
	}

	long storedCount(SoftwareAuthenticator device) {
		return jdbc.sql("select sign_count from passkey_credential where credential_id = ?").param(device.credentialId())
				.query(Long.class).single();
	}

	Proof prove(long userPk, SoftwareAuthenticator device) {
		AssertionRequest request = passkeys.assertionRequest(userPk);
		return passkeys.prove(userPk, request, device.assertion(request.challenge(), null));
	}

	@Test
	void whenTheCounterGrowsThenEachAssertionIsAcceptedAndTheCounterStored() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);

		assertThat(prove(user, device)).isEqualTo(Proof.VALID);
		assertThat(prove(user, device.signCount(41))).isEqualTo(Proof.VALID);

		assertThat(storedCount(device)).isEqualTo(42);
	}

	@Test
	void whenAClonedAuthenticatorPresentsACounterNotAboveTheStoredOneThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		assertThat(prove(user, device.signCount(9))).isEqualTo(Proof.VALID);

		assertThat(prove(user, device.signCount(9))).as("the same counter again").isEqualTo(Proof.WRONG);
		assertThat(prove(user, device.signCount(3))).as("a lower counter").isEqualTo(Proof.WRONG);
		assertThat(prove(user, device.signCount(-1))).as("a counter of 0 after a counted one").isEqualTo(Proof.WRONG);

		assertThat(storedCount(device)).isEqualTo(10);
	}

	@Test
	void whenTheBackupEligibleFlagChangesThenItIsRefused() {
		SoftwareAuthenticator single = device();
		long user = userWith(single);
		SoftwareAuthenticator synced = device().flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV | SoftwareAuthenticator.BE);
		long syncedUser = userWith(synced);
		assertThat(jdbc.sql("select backup_eligible from passkey_credential where credential_id = ?")
				.param(synced.credentialId()).query(Boolean.class).single()).isTrue();

		assertThat(prove(user, single.flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV | SoftwareAuthenticator.BE)))
				.as("a device-bound passkey that turns backup eligible").isEqualTo(Proof.WRONG);
		assertThat(prove(syncedUser, synced.flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV)))
				.as("a synced passkey that no longer is").isEqualTo(Proof.WRONG);
		assertThat(prove(syncedUser, synced.flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV
				| SoftwareAuthenticator.BE | SoftwareAuthenticator.BS))).as("backed up now: allowed").isEqualTo(Proof.VALID);
		assertThat(jdbc.sql("select backup_state from passkey_credential where credential_id = ?")
				.param(synced.credentialId()).query(Boolean.class).single()).isTrue();
	}

	@Test
	void whenBackedUpIsSetWithoutBackupEligibleThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);

		assertThat(prove(user, device.flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV | SoftwareAuthenticator.BS)))
				.isEqualTo(Proof.WRONG);
		assertThat(prove(user, device.flags(SoftwareAuthenticator.UP | SoftwareAuthenticator.UV))).isEqualTo(Proof.VALID);
	}

	@Test
	void whenTheOriginIsNotAllowedThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);

		for (String origin : List.of("https://evil.example", "http://127.0.0.1:8080", "https://localhost:8080",
				"http://localhost.evil.example")) {
			assertThat(prove(user, device.origin(origin))).as(origin).isEqualTo(Proof.WRONG);
		}
		assertThat(prove(user, device.origin("http://localhost:41234"))).as("any localhost port in dev").isEqualTo(Proof.VALID);
	}

	@Test
	void whenTheRelyingPartyHashIsAnotherSitesThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);

		assertThat(prove(user, device.rpId("evil.example"))).isEqualTo(Proof.WRONG);
		assertThat(prove(user, device.rpId("localhost"))).isEqualTo(Proof.VALID);
	}

	@Test
	void whenTheUserHandleIsAnotherUsersThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		long other = userWith(device());
		AssertionRequest request = passkeys.assertionRequest(user);

		assertThat(passkeys.prove(user, request, device.assertion(request.challenge(), handleOf(other))))
				.isEqualTo(Proof.WRONG);

		AssertionRequest next = passkeys.assertionRequest(user);
		assertThat(passkeys.prove(user, next, device.assertion(next.challenge(), handleOf(user)))).isEqualTo(Proof.VALID);
	}

	@Test
	void whenAnotherUsersPasskeyAnswersThenItIsRefusedAndItsCounterKept() {
		long user = userWith(device());
		SoftwareAuthenticator stranger = device();
		userWith(stranger);
		AssertionRequest request = passkeys.assertionRequest(user);

		assertThat(request.allowedCredentials()).doesNotContain(stranger.credentialId());
		assertThat(passkeys.prove(user, request, stranger.assertion(request.challenge(), null))).isEqualTo(Proof.WRONG);
		assertThat(storedCount(stranger)).isZero();
	}

	@Test
	void whenAChallengeIsAnsweredTwiceThenTheSecondIsReplayed() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		AssertionRequest request = passkeys.assertionRequest(user);
		Assertion answer = device.assertion(request.challenge(), null);

		assertThat(passkeys.prove(user, request, answer)).isEqualTo(Proof.VALID);
		assertThat(passkeys.prove(user, request, answer)).isEqualTo(Proof.REPLAYED);
		assertThat(passkeys.prove(user, request, device.assertion(request.challenge(), null)))
				.as("a fresh signature over the same challenge").isEqualTo(Proof.REPLAYED);
	}

	@Test
	void whenTheChallengeExpiredThenItIsRefusedAsExpired() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		AssertionRequest request = passkeys.assertionRequest(user);
		clock.advance(passkeys.timeout());

		assertThat(passkeys.prove(user, request, device.assertion(request.challenge(), null))).isEqualTo(Proof.EXPIRED);
	}

	@Test
	void whenTheSameAssertionIsPostedTwiceAtOnceThenItIsAcceptedOnce() throws Exception {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		AssertionRequest request = passkeys.assertionRequest(user);
		Assertion answer = device.assertion(request.challenge(), null);

		List<Proof> results = AtOnce.run(2, i -> () -> passkeys.prove(user, request, answer));

		assertThat(results).containsExactlyInAnyOrder(Proof.VALID, Proof.REPLAYED);
		assertThat(storedCount(device)).isEqualTo(1);
	}

	@Test
	void whenTwoChallengesAreAnsweredWithTheSameCounterAtOnceThenOnlyOneMovesTheCounter() throws Exception {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		AssertionRequest first = passkeys.assertionRequest(user);
		AssertionRequest second = passkeys.assertionRequest(user);
		// A clone: both answers carry counter 1.
		Assertion one = device.signCount(0).assertion(first.challenge(), null);
		Assertion other = device.signCount(0).assertion(second.challenge(), null);
		long row = jdbc.sql("select id from passkey_credential where credential_id = ?").param(device.credentialId())
				.query(Long.class).single();

		List<Proof> results = racing(row, () -> passkeys.prove(user, first, one), () -> passkeys.prove(user, second, other));

		assertThat(results).containsOnlyOnce(Proof.VALID).doesNotContain(Proof.EXPIRED);
		assertThat(storedCount(device)).isEqualTo(1);
	}

	@Test
	void whenASignInAnswersASignedChallengeThenItNamesTheOwnerOnce() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		AssertionRequest request = passkeys.signInRequest();
		assertThat(request.allowedCredentials()).isEmpty();
		Assertion answer = device.assertion(request.challenge(), handleOf(user));

		assertThat(passkeys.signIn(request.challenge(), answer)).contains(user);
		assertThat(passkeys.signIn(request.challenge(), answer)).as("answered before").isEmpty();
	}

	@Test
	void whenASignInChallengeWasTamperedWithThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		byte[] bytes = Base64.getUrlDecoder().decode(passkeys.signInRequest().challenge());
		bytes[39] ^= 0x7f; // the expiry's last byte: a later or earlier end
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		byte[] nonce = Base64.getUrlDecoder().decode(passkeys.signInRequest().challenge());
		nonce[0] ^= 0x01;
		String otherNonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);

		for (String challenge : List.of(tampered, otherNonce, passkeys.assertionRequest(user).challenge(), "not base64!", "")) {
			assertThat(passkeys.signIn(challenge, device.assertion(challenge, handleOf(user)))).as(challenge).isEmpty();
		}
		assertThat(passkeys.signIn(null, device.assertion("", handleOf(user)))).as("no challenge at all").isEmpty();
	}

	@Test
	void whenASignInChallengeExpiredThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		String challenge = passkeys.signInRequest().challenge();
		clock.advance(passkeys.timeout().plus(Duration.ofSeconds(1)));

		assertThat(passkeys.signIn(challenge, device.assertion(challenge, handleOf(user)))).isEmpty();
	}

	@Test
	void whenASignInAnswerNamesNoOrAnotherUserHandleThenItIsRefused() {
		SoftwareAuthenticator device = device();
		long user = userWith(device);
		long other = userWith(device());

		for (String handle : new String[] { null, "", handleOf(other) }) {
			String challenge = passkeys.signInRequest().challenge();
			assertThat(passkeys.signIn(challenge, device.assertion(challenge, handle))).as("handle %s", handle).isEmpty();
		}
		String challenge = passkeys.signInRequest().challenge();
		assertThat(passkeys.signIn(challenge, device.assertion(challenge, handleOf(user)))).contains(user);
	}

	long blockedSessions() {
		return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null").query(Long.class)
				.single();
	}

	/**
	 * Runs both proofs at once while the credential's row is locked, lets go once both wait for the
	 * lock (both read the same stored counter), and returns both results.
	 */
	List<Proof> racing(long rowId, Supplier<Proof> one, Supplier<Proof> other) throws Exception {
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
				.executeWithoutResult(status -> {
					jdbc.sql("select id from passkey_credential where id = ? for update").param(rowId).query(Long.class).single();
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
		await().atMost(Duration.ofSeconds(30)).until(() -> blockedSessions() >= 2);
		release.countDown();
		holder.get(30, TimeUnit.SECONDS);
		return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
	}
}
