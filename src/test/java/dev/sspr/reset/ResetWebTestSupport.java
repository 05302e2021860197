package dev.sspr.reset;

import dev.sspr.PortalTest;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.throttle.Throttle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole portal on its embedded defaults (H2, demo tenants, dev outbox) behind MockMvc. Each test
 * starts from clean failure counters, throttles and outbox, and gets a client address of its own.
 */
@PortalTest
abstract class ResetWebTestSupport {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	DevOutbox outbox;

	@Autowired
	Throttle throttle;

	@Autowired
	JdbcClient jdbc;

	/** The context's clock: move it forward instead of waiting. */
	@Autowired
	dev.sspr.TestClock clock;

	@BeforeEach
	void cleanSlate() {
		CleanSlate.restore(jdbc, throttle, outbox);
	}

	@Autowired
	dev.sspr.verification.AuthenticatorApps authenticatorApps;

	/**
	 * A Fabrikam user of the test's own (one method suffices there) with the demo authenticator app,
	 * whose codes {@link MockJourney#appCode} gives: for tests that reset or change the user.
	 */
	String fabrikamUserWithApp() {
		return dev.sspr.TestUsers.in(jdbc).fabrikam().withDemoAuthenticatorApp(authenticatorApps).create();
	}

	MockJourney journey(String language) {
		int n = ADDRESSES.getAndIncrement();
		return new MockJourney(mvc, outbox, "10.0." + (n / 250) + "." + (n % 250 + 1), language);
	}
}
