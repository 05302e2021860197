package dev.sspr.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import dev.sspr.DemoTenants;
import dev.sspr.PortalTest;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantBranding;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.PolicyUpdates;
import dev.sspr.registration.SignedInUser;
import dev.sspr.throttle.Throttle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's tests share one Spring context (and so one database) of their own, apart from the
 * rest of the suite, and put every tenant's policy and customization back after each test.
 */
@PortalTest
abstract class AdminTestSupport {

	static final String CONTOSO_ADMIN = "adele@contoso.example";
	static final String FABRIKAM_ADMIN = "edgars@fabrikam.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	dev.sspr.TestClock clock;

	@Autowired
	Directory directory;

	@Autowired
	PolicyUpdates policies;

	@Autowired
	TenantBranding branding;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	private DemoTenants demoTenants;

	@BeforeEach
	void rememberTenants() {
		throttle.clearAll();
		demoTenants = DemoTenants.remember(jdbc, policies, branding);
	}

	@AfterEach
	void restoreTenants() {
		demoTenants.restore();
	}

	List<Long> tenantIds() {
		return jdbc.sql("select id from tenant order by id").query(Long.class).list();
	}

	long tenantId(String name) {
		return jdbc.sql("select id from tenant where name = ?").param(name).query(Long.class).single();
	}

	UserAccount user(String userId) {
		return directory.findUser(userId).orElseThrow();
	}

	/** Signed in as this user, with the roles the sign-in would give them. */
	RequestPostProcessor as(String userId) {
		UserAccount user = user(userId);
		SignedInUser principal = new SignedInUser(user.id(), user.tenantId(), user.userId(), user.displayName(),
				user.securityStamp(), clock.instant());
		List<SimpleGrantedAuthority> roles = user.administrator()
				? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, roles));
	}

	long auditCount(String eventType) {
		return jdbc.sql("select count(*) from audit_record where event_type = ?").param(eventType).query(Long.class).single();
	}
}
