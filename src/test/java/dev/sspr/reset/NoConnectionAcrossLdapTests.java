package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sspr.TestLdapUsers;
import dev.sspr.directory.ldap.WritebackStatus;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No database connection is held while the directory answers (issue 13): at the moment each LDAP
 * request reaches the embedded directory, the portal's pool has no connection out. A connection held
 * across a slow directory would starve every other request of the pool.
 */
class NoConnectionAcrossLdapTests extends OnPremisesUserSupport {

	@Autowired
	WritebackStatus writeback;

	@Autowired
	DataSource dataSource;

	final AtomicInteger requests = new AtomicInteger();
	final AtomicInteger busiest = new AtomicInteger();
	@Override
	String mobile() {
		return "+371 2000 0031";
	}

	@BeforeEach
	void observer() throws Exception {
		HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
		ldap.observe(() -> {
			requests.incrementAndGet();
			busiest.accumulateAndGet(pool.getActiveConnections(), Math::max);
		});
	}

	@AfterEach
	void noObserver() {
		ldap.observe(null);
	}

	MockJourney proven() throws Exception {
		MockJourney journey = journey("en-US");
		assertThat(journey.identify(userId).getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
		journey.chooseMethod("mobile-sms");
		journey.confirmDestination("+371 2000 0031");
		assertThat(journey.enterCode(journey.lastCode()).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		return journey;
	}

	/** Every LDAP request so far found the pool idle; and there were some (else this proves nothing). */
	void assertNoConnectionWasHeld() {
		assertThat(requests.get()).as("LDAP requests observed").isPositive();
		assertThat(busiest.get()).as("database connections in use during an LDAP request").isZero();
	}

	@Test
	void whenAnOnPremisesUserResetsThenNoConnectionIsHeldDuringTheDirectoryWrite() throws Exception {
		MockJourney journey = proven();
		requests.set(0);
		assertThat(journey.newPassword("Daugava-Gauja-2026!", "Daugava-Gauja-2026!").getResponse().getRedirectedUrl())
				.isEqualTo("/reset/done");
		assertNoConnectionWasHeld();
	}

	@Test
	void whenALockedUserOnlyUnlocksThenNoConnectionIsHeldDuringTheUnlock() throws Exception {
		MockJourney journey = proven();
		requests.set(0);
		assertThat(journey.unlockOnly().getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(ldap.server().getEntry(dn).hasAttribute("pwdAccountLockedTime")).isFalse();
		assertNoConnectionWasHeld();
	}

	@Test
	void whenAnOnPremisesUserSignsInThenTheBindHoldsNoConnection() throws Exception {
		ldap.server().modify(dn, new com.unboundid.ldap.sdk.Modification(
				com.unboundid.ldap.sdk.ModificationType.DELETE, "pwdAccountLockedTime"));
		requests.set(0);
		assertThat(directory.signIn(userId, TestLdapUsers.PASSWORD)).isPresent();
		assertNoConnectionWasHeld();
	}

	@Test
	void whenTheDirectoryIsSynchronizedThenItsSearchHoldsNoConnection() {
		requests.set(0);
		assertThat(sync.syncNow().success()).isTrue();
		assertNoConnectionWasHeld();
	}

	@Test
	void whenTheWritebackStatusIsCheckedThenNoConnectionIsHeld() {
		requests.set(0);
		writeback.check();
		assertNoConnectionWasHeld();
	}
}
