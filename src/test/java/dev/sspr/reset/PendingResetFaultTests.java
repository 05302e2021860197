package dev.sspr.reset;

import static dev.sspr.HttpJourney.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.sspr.DemoUsers;
import dev.sspr.HttpJourney;
import dev.sspr.PortalCluster;
import dev.sspr.PostgresAvailable;
import dev.sspr.SlapdAvailable;
import dev.sspr.SlapdServer;
import dev.sspr.TcpRelay;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.delivery.Masking;
import dev.sspr.delivery.Outbox;
import dev.sspr.directory.Directory;
import dev.sspr.directory.DirectorySync;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * A reset completes or is recognizably pending (issue 13), on PostgreSQL with a real slapd (ppolicy)
 * as Fabrikam's directory, reached through a relay the test can sever.
 * <p>
 * The database is cut inside the reset's transaction by PostgreSQL itself: a trigger the test installs
 * terminates the portal's own connection (pg_terminate_backend) at the chosen statement, exactly as a
 * database failure would hit it, with no hook in the portal and no extra Spring context; the test drops
 * the trigger afterwards, as the database coming back.
 */
@PostgresAvailable
@SlapdAvailable
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingResetFaultTests {

	private static final AtomicInteger NEXT = new AtomicInteger();
	private static final Pattern CODE = Pattern.compile("\\b(\\d{3} ?\\d{3,5})\\b");

	SlapdServer slapd;
	TcpRelay directoryLink;
	PortalCluster cluster;
	PortalCluster.Instance portal;
	JdbcClient jdbc;

	@BeforeAll
	void start() throws Exception {
		slapd = SlapdServer.start();
		directoryLink = new TcpRelay(slapd.port());
		cluster = PortalCluster.start(1, "sspr.ldap.embedded.enabled=false",
				"sspr.ldap.url=ldap://127.0.0.1:" + directoryLink.port(), "sspr.ldap.allow-insecure=true",
				"sspr.ldap.bind-dn=" + SlapdServer.SERVICE_DN, "sspr.ldap.bind-password=" + SlapdServer.SERVICE_PASSWORD,
				"sspr.ldap.base-dn=" + SlapdServer.BASE_DN, "sspr.ldap.response-timeout=30s");
		portal = cluster.instance(0);
		jdbc = portal.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		if (cluster != null) {
			cluster.close();
		}
		if (directoryLink != null) {
			directoryLink.close();
		}
		if (slapd != null) {
			slapd.close();
		}
	}

	@AfterEach
	void databaseAndDirectoryBack() {
		jdbc.sql("drop trigger if exists sspr_test_cut on reset_completion").update();
		jdbc.sql("drop trigger if exists sspr_test_cut on directory_user").update();
		directoryLink.restore();
	}

	/** From now on, the statement this trigger watches kills its own connection (the database "goes away"). */
	void cutTheDatabaseAt(String table, String when) {
		jdbc.sql("""
				create or replace function sspr_test_cut() returns trigger language plpgsql as $$
				begin
				  perform pg_terminate_backend(pg_backend_pid());
				  return new;
				end $$""").update();
		jdbc.sql("create trigger sspr_test_cut before update on " + table + " for each row when (" + when
				+ ") execute function sspr_test_cut()").update();
	}

	/** An on-premises user of this test's own in slapd, locked, with a mobile number; synchronized. */
	String onPremisesUser(String password) throws LDAPException {
		String uid = "pending" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
		slapd.addUser(uid, uid + "@fabrikam.example", password, true);
		try (LDAPConnection admin = slapd.adminConnection()) {
			admin.modify(SlapdServer.userDn(uid), new Modification(ModificationType.ADD, "mobile", "+371 2000 0051"));
		}
		assertThat(portal.bean(DirectorySync.class).syncNow().success()).isTrue();
		return uid;
	}

	long stamp(String userId) {
		return jdbc.sql("select security_stamp from directory_user where user_id = ?").param(userId).query(Long.class)
				.single();
	}

	long audited(String userId, String kind) {
		return jdbc.sql("select count(*) from audit_record where subject = ? and event_type = ?").params(userId, kind)
				.query(Long.class).single();
	}

	long notices(String address) {
		return jdbc.sql("select count(*) from outbound_message where masked_to = ?").param(Masking.maskEmail(address))
				.query(Long.class).single();
	}

	String completionStatus(String userId) {
		return jdbc.sql("""
				select status from reset_completion where user_id = (select id from directory_user where user_id = ?)""")
				.param(userId).query(String.class).optional().orElse("NONE");
	}

	/** A message as the page shows it (MessageFormat's doubled apostrophes undone, HTML-escaped). */
	static String message(String bundle, String key) throws Exception {
		Properties messages = new Properties();
		try (Reader in = new InputStreamReader(PendingResetFaultTests.class.getResourceAsStream("/" + bundle),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		return HtmlUtils.htmlEscape(messages.getProperty(key).replace("''", "'"));
	}

	static String unescaped(String html) {
		return HtmlUtils.htmlUnescape(html);
	}

	/**
	 * An on-premises user (locked) proven by text whose new password went to the directory, and whose
	 * finishing transaction then lost its database connection.
	 */
	final class HalfDone {

		final String oldPassword;
		final String newPassword;
		final String uid;
		final String userId;
		final long stampBefore;
		final long noticesBefore;
		final HttpJourney journey;
		final HttpResponse<String> response;

		HalfDone(String oldPassword, String newPassword) throws Exception {
			this.oldPassword = oldPassword;
			this.newPassword = newPassword;
			uid = onPremisesUser(oldPassword);
			userId = uid + "@fabrikam.example";
			stampBefore = stamp(userId);
			journey = provenByText("en-US", userId, "+371 2000 0051");
			noticesBefore = notices(userId);
			cutTheDatabaseAt("reset_completion", "new.status = 'DONE'");
			try {
				response = submit();
			}
			finally {
				databaseAndDirectoryBack();
			}
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(slapd.binds(uid, newPassword)).as("the directory has the new password").isTrue();
			assertThat(completionStatus(userId)).isEqualTo("PENDING");
			assertThat(stamp(userId)).isEqualTo(stampBefore);
			assertThat(audited(userId, "PASSWORD_RESET")).isZero();
		}

		HttpResponse<String> submit() throws Exception {
			return journey.newPassword(newPassword);
		}

		void assertFinishedOnce() {
			assertThat(completionStatus(userId)).isEqualTo("DONE");
			assertThat(stamp(userId)).isGreaterThan(stampBefore);
			assertThat(audited(userId, "PASSWORD_RESET")).isEqualTo(1);
			assertThat(audited(userId, "WRITE_FAILED")).isZero();
			assertThat(notices(userId)).as("one notice of the reset").isEqualTo(noticesBefore + 1);
			assertThat(jdbc.sql("select locked from directory_user where user_id = ?").param(userId).query(Boolean.class)
					.single()).isFalse();
			assertThat(slapd.binds(uid, oldPassword)).isFalse();
			assertThat(slapd.binds(uid, newPassword)).isTrue();
		}
	}

	@Test
	void whenTheDatabaseFailsRightAfterTheDirectoryWriteThenARetryOfTheUserFinishesTheResetOnce() throws Exception {
		HalfDone reset = new HalfDone("Old-Password-Kalns-1", "Jaunais-Ezers-2026");

		// No 500: the form again, saying the change is not finished.
		HttpResponse<String> page = reset.journey.get(location(reset.response));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(unescaped(page.body())).contains(unescaped(message("messages.properties", ResetCompletion.PENDING)));

		// Once the claim's lease has passed, the same password again finishes the reset: no "used before".
		cluster.clock().advance(Duration.ofMinutes(3));
		assertThat(location(reset.submit())).isEqualTo("/reset/done");
		reset.assertFinishedOnce();
	}

	@Test
	void whenTheDatabaseFailsRightAfterTheDirectoryWriteThenTheRecoveryJobFinishesTheResetOnce() throws Exception {
		HalfDone reset = new HalfDone("Old-Password-Mezs-1", "Zalais-Mezs-2026");

		PendingResetRecovery recovery = portal.bean(PendingResetRecovery.class);
		assertThat(recovery.recoverNow()).as("held by the failed request's lease").isZero();
		cluster.clock().advance(Duration.ofMinutes(3));
		assertThat(recovery.recoverNow()).isEqualTo(1);
		assertThat(recovery.recoverNow()).as("settled once").isZero();

		// The user's page learns it is done.
		assertThat(location(reset.journey.get("/reset/password"))).isEqualTo("/reset/done");
		reset.assertFinishedOnce();
	}

	@Test
	void whenTheDatabaseIsCutMidResetOfACloudUserThenNothingIsHalfDoneAndTheUserFinishesAfterwards() throws Exception {
		String email = "cut" + NEXT.incrementAndGet() + "@mail.example";
		String userId = TestUsers.in(jdbc).fabrikam().withEmail(email).create();
		long stampBefore = stamp(userId);
		HttpJourney journey = provenByEmail("en-US", userId, email);
		Directory directory = portal.bean(Directory.class);
		long noticesBefore = notices(userId);

		cutTheDatabaseAt("directory_user", "new.password_hash is distinct from old.password_hash");
		HttpResponse<String> refused = journey.newPassword("Cloud-River-Stone-2026");
		databaseAndDirectoryBack();

		assertThat(refused.statusCode()).isEqualTo(302);
		HttpResponse<String> page = journey.get(location(refused));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(unescaped(page.body()))
				.contains(unescaped(message("messages.properties", ResetCompletion.NOT_CHANGED)));
		// Nothing half-done: no claim, the old password, the old stamp, no audit of a reset, no notice.
		assertThat(completionStatus(userId)).isEqualTo("NONE");
		assertThat(directory.passwordMatches(userId, DemoUsers.FABRIKAM_PASSWORD)).isTrue();
		assertThat(stamp(userId)).isEqualTo(stampBefore);
		assertThat(audited(userId, "PASSWORD_RESET")).isZero();
		assertThat(notices(userId)).isEqualTo(noticesBefore);

		assertThat(location(journey.newPassword("Cloud-River-Stone-2026"))).isEqualTo("/reset/done");
		assertThat(directory.passwordMatches(userId, "Cloud-River-Stone-2026")).isTrue();
		assertThat(stamp(userId)).isGreaterThan(stampBefore);
		assertThat(audited(userId, "PASSWORD_RESET")).isEqualTo(1);
		assertThat(notices(userId)).isEqualTo(noticesBefore + 1);
	}

	@Test
	void whenTheDirectoryIsDownAtThePasswordStepThenTheUserIsToldInTheirLanguageAndTheOldPasswordWorks()
			throws Exception {
		String uid = onPremisesUser("Old-Password-Upe-1");
		String userId = uid + "@fabrikam.example";
		HttpJourney journey = provenByText("lv-LV", userId, "+371 2000 0051");

		directoryLink.sever();
		HttpResponse<String> refused = journey.newPassword("Jauna-Upe-2026");
		assertThat(refused.statusCode()).isEqualTo(302);
		HttpResponse<String> page = journey.get(location(refused));
		directoryLink.restore();

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(unescaped(page.body())).contains(
				unescaped(message("messages_lv.properties", "reset.password.error.directory.unavailable")));
		assertThat(completionStatus(userId)).isEqualTo("NONE");
		try (LDAPConnection admin = slapd.adminConnection()) {
			admin.modify(SlapdServer.userDn(uid), new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
		}
		assertThat(slapd.binds(uid, "Old-Password-Upe-1")).isTrue();
		assertThat(slapd.binds(uid, "Jauna-Upe-2026")).isFalse();
	}

	/** Identified and proven by a text to this mobile number: at the new password. */
	HttpJourney provenByText(String language, String userId, String mobile) throws Exception {
		HttpJourney journey = identified(language, userId);
		journey.follow(journey.chooseMethod("mobile-sms"));
		DevOutbox texts = portal.bean(DevOutbox.class);
		texts.clear();
		journey.follow(journey.confirmDestination(mobile));
		portal.bean(Outbox.class).dispatchDue();
		Matcher code = CODE.matcher(texts.entries().get(0).message().body());
		assertThat(code.find()).isTrue();
		assertThat(journey.follow(journey.enterCode(code.group(1).replace(" ", "")))).isEqualTo("/reset/password");
		return journey;
	}

	/** Identified and proven by an email to this address: at the new password. */
	HttpJourney provenByEmail(String language, String userId, String email) throws Exception {
		HttpJourney journey = identified(language, userId);
		journey.follow(journey.chooseMethod("email"));
		journey.follow(journey.confirmDestination(email));
		portal.bean(Outbox.class).dispatchDue();
		assertThat(journey.follow(journey.enterCode(cluster.lastCodeTo(email)))).isEqualTo("/reset/password");
		return journey;
	}

	private HttpJourney identified(String language, String userId) throws Exception {
		HttpJourney journey = new HttpJourney(portal.http(), language);
		assertThat(journey.follow(journey.identify(userId))).isEqualTo("/reset/method");
		return journey;
	}
}
