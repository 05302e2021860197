package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Past the per-user password limit (10 tries in 15 minutes), sign-in, change password and
 * re-authentication say "try later" even for the right password, never that it is wrong; the
 * re-authentication before a sensitive change is held to the same limit as sign-in.
 */
@PortalTest
class PasswordThrottleTests {

	/** Each attempt from an address of its own, so that only the per-user limit is reached. */
	private static final AtomicInteger ADDRESS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	MockHttpServletRequestBuilder fromSomewhere(MockHttpServletRequestBuilder request) {
		int n = ADDRESS.incrementAndGet();
		return request.with(csrf()).with(r -> {
			r.setRemoteAddr("198.51." + (n / 250) % 250 + "." + (1 + n % 250));
			return r;
		}).header("Accept-Language", "en");
	}

	MvcResult signIn(String path, String userId, String password) throws Exception {
		return mvc.perform(fromSomewhere(post(path)).param("userId", userId).param("password", password)).andReturn();
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void whenTooManySignInsForOneUserThenEvenTheRightPasswordIsToldToWaitNotThatItIsWrong() throws Exception {
		String user = TestUsers.in(jdbc).contoso().outsideSsprGroup().create();
		for (int i = 0; i < 10; i++) {
			assertThat(signIn("/sign-in", user, "wrong-" + i).getResponse().getRedirectedUrl()).as("try " + i)
					.isEqualTo("/sign-in?error");
		}

		assertThat(signIn("/sign-in", user, DemoUsers.CONTOSO_PASSWORD).getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?throttled");
		assertThat(signIn("/admin/sign-in", user, DemoUsers.CONTOSO_PASSWORD).getResponse().getRedirectedUrl())
				.isEqualTo("/admin/sign-in?throttled");
		for (String path : new String[] { "/sign-in?throttled", "/admin/sign-in?throttled" }) {
			assertThat(body(mvc.perform(get(path).header("Accept-Language", "en")).andReturn()))
					.contains("Too many sign-in attempts").doesNotContain("incorrect");
		}
		assertThat(body(mvc.perform(get("/sign-in?throttled").header("Accept-Language", "tr")).andReturn()))
				.contains("Çok fazla oturum açma denemesi");
	}

	@Test
	void whenTooManyPasswordTriesWhileSignedInThenChangePasswordAndReauthenticationSayTryLater() throws Exception {
		String user = TestUsers.in(jdbc).contoso().outsideSsprGroup().create();
		MvcResult signedIn = signIn("/sign-in", user, DemoUsers.CONTOSO_PASSWORD);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		for (int i = 0; i < 9; i++) {
			MvcResult wrong = mvc.perform(fromSomewhere(post("/security-info/phone/reauth")).session(session)
					.param("password", "wrong-" + i)).andReturn();
			assertThat(body(wrong)).contains("That isn&#39;t your current password.");
		}

		MvcResult reauth = mvc.perform(fromSomewhere(post("/security-info/phone/reauth")).session(session)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(body(reauth)).contains("Too many attempts with your password").doesNotContain("current password.");

		MvcResult change = mvc.perform(fromSomewhere(post("/security-info/password")).session(session)
				.param("currentPassword", DemoUsers.CONTOSO_PASSWORD).param("newPassword", "Another#Pass-2026x")
				.param("confirmPassword", "Another#Pass-2026x")).andReturn();
		assertThat(body(change)).contains("Too many attempts with your password").doesNotContain("current password.");
		assertThat(signIn("/sign-in", user, "Another#Pass-2026x").getResponse().getRedirectedUrl())
				.as("the password did not change").isEqualTo("/sign-in?throttled");
	}
}
