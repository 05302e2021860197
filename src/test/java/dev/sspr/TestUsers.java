package dev.sspr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh users for tests that must not share state with others, in a demo tenant, signing in with
 * that tenant's demo password. {@code TestUsers.in(jdbc).contoso().withEmail("x@y.example").create()}.
 */
public final class TestUsers {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final JdbcClient jdbc;
	private String tenant = "contoso";
	private String userId;
	private String email;
	private String mobile;
	private String authEmail;
	private String authPhone;
	private String officePhone;
	private final List<String> questions = new ArrayList<>();
	private boolean confirmed = true;
	private java.time.Instant confirmedAt;
	private String answersOf;
	private dev.sspr.verification.AuthenticatorApps apps;
	private boolean locked;
	private dev.sspr.passkey.Passkeys passkeys;
	private final List<dev.sspr.demo.SoftwareAuthenticator> devices = new ArrayList<>();
	private final List<String> groups = new ArrayList<>(List.of("SSPR Users"));

	private TestUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static TestUsers in(JdbcClient jdbc) {
		return new TestUsers(jdbc);
	}

	public TestUsers contoso() { tenant = "contoso"; return this; }
	public TestUsers fabrikam() { tenant = "fabrikam"; return this; }
	public TestUsers withUserId(String value) { userId = value; return this; }
	public TestUsers locked() { locked = true; return this; }
	public TestUsers withEmail(String value) { email = value; return this; }
	public TestUsers withMobile(String value) { mobile = value; return this; }
	/** An authentication email registered on the security-info page (R-14). */
	public TestUsers withRegisteredEmail(String value) { authEmail = value; return this; }
	/** An authentication phone registered on the security-info page (R-14). */
	public TestUsers withRegisteredPhone(String value) { authPhone = value; return this; }
	public TestUsers withOfficePhone(String value) { officePhone = value; return this; }
	/** Security questions answered, with answers no one can type (only how many there are counts). */
	public TestUsers withQuestions(String... keys) { questions.addAll(List.of(keys)); return this; }
	public TestUsers neverConfirmed() { confirmed = false; return this; }
	/**
	 * Security info last confirmed then (R-24); take it from the context's clock,
	 * {@code clock.instant().minus(Duration.ofDays(200))}, so that it stays as old as meant however far tests moved it.
	 */
	public TestUsers confirmedAt(java.time.Instant at) { confirmed = true; confirmedAt = at; return this; }
	/** The same security questions and answers as this demo user ({@code DemoUsers.ANSWERS} knows them). */
	public TestUsers answersLike(String demoUserId) { answersOf = demoUserId; return this; }
	/** The demo authenticator app ({@code DemoUsers.AUTHENTICATOR_SECRET}), registered through the portal's own store. */
	public TestUsers withDemoAuthenticatorApp(dev.sspr.verification.AuthenticatorApps apps) { this.apps = apps; return this; }
	/** A passkey held by this (software) device, registered through the ceremony a browser goes through. */
	public TestUsers withPasskey(dev.sspr.passkey.Passkeys store, dev.sspr.demo.SoftwareAuthenticator device) {
		passkeys = store;
		devices.add(device);
		return this;
	}
	public TestUsers outsideSsprGroup() { groups.clear(); return this; }

	/** Creates the user and returns its user ID. */
	/** How many failed proofs (S-10) the account has on record: wrong codes, answers, approvals, passkeys. */
	public static int failures(JdbcClient jdbc, String userId) {
		return jdbc.sql("select count(*) from verification_failure where user_id = (select id from directory_user where user_id = ?)")
				.param(userId).query(Integer.class).single();
	}

	public String create() {
		String userId = this.userId != null ? this.userId
				: "test" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "@" + tenant + ".example";
		// Dana (disabled) and Ilze (unlicensed) never change their passwords: their hash is the tenant's demo password.
		String hash = jdbc.sql("select password_hash from directory_user where user_id = ?")
				.param(tenant.equals("fabrikam") ? "ilze@fabrikam.example" : "dana@contoso.example").query(String.class).single();
		jdbc.sql("""
				insert into directory_user (tenant_id, user_id, display_name, given_name, surname, primary_email,
				  alternate_email, mobile_phone, auth_email, auth_phone, office_phone, enabled, locked, licensed,
				  password_source, password_hash, security_info_confirmed_at)
				values ((select id from tenant where name = ?), ?, 'Test User', 'Test', 'User', ?, ?, ?, ?, ?, ?, true, ?,
				  true, 'CLOUD', ?, ?)""")
				.params(tenant, userId, userId, email, mobile, authEmail, authPhone, officePhone, locked, hash,
						!confirmed ? null : confirmedAt == null ? java.time.OffsetDateTime.now()
								: java.time.OffsetDateTime.ofInstant(confirmedAt, java.time.ZoneOffset.UTC))
				.update();
		for (String question : questions) {
			jdbc.sql("""
					insert into security_answer (user_id, question_key, answer_hash)
					values ((select id from directory_user where user_id = ?), ?, 'not a hash: no answer matches')""")
					.params(userId, question).update();
		}
		if (answersOf != null) {
			jdbc.sql("""
					insert into security_answer (user_id, question_key, custom_question_id, answer_hash)
					select (select id from directory_user where user_id = ?), question_key, custom_question_id, answer_hash
					from security_answer where user_id = (select id from directory_user where user_id = ?)""")
					.params(userId, answersOf).update();
		}
		for (dev.sspr.demo.SoftwareAuthenticator device : devices) {
			long pk = jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
			dev.sspr.passkey.Ceremonies.CreationOptions options = passkeys.creationOptions(pk, userId, userId);
			if (passkeys.register(pk, options, device.register(options.challenge()), "Test passkey")
					!= dev.sspr.passkey.Ceremonies.Registration.ADDED) {
				throw new IllegalStateException("the test passkey was refused");
			}
		}
		if (apps != null) {
			long pk = jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
			apps.register(pk, new org.apache.commons.codec.binary.Base32().decode(DemoUsers.AUTHENTICATOR_SECRET), true);
		}
		for (String group : groups) {
			jdbc.sql("insert into user_group (user_id, group_name) values ((select id from directory_user where user_id = ?), ?)")
					.params(userId, group).update();
		}
		return userId;
	}
}
