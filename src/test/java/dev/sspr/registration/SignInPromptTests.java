package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestUsers;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** R-23 sign-in interrupt, R-24 reconfirmation and the return_to allow-list (Contoso requires registration). */
@PortalTest
class SignInPromptTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Throttle throttle;

	@BeforeEach
	void cleanSlate() {
		throttle.clearAll();
	}

	MvcResult signIn(MockHttpSession session, String userId) throws Exception {
		return mvc.perform(post("/sign-in").session(session).with(csrf()).param("userId", userId)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
	}

	/** The sign-in form as the page posts it when a relying application sent the user (hidden return_to). */
	MvcResult signIn(String userId, String returnTo) throws Exception {
		return mvc.perform(post("/sign-in").with(csrf()).param("userId", userId)
				.param("password", DemoUsers.CONTOSO_PASSWORD).param("return_to", returnTo)).andReturn();
	}

	@Test
	void whenTooFewMethodsThenEverySignInLandsOnSetupAndNotNowLetsThrough() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("one.method@home.example").create();

		MvcResult first = signIn(new MockHttpSession(), user);
		assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/security-info?setup");
		MockHttpSession session = (MockHttpSession) first.getRequest().getSession(false);
		String page = mvc.perform(get("/security-info").param("setup", "").session(session).header("Accept-Language", "en"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Set up at least 2 methods", "Not now");
		assertThat(mvc.perform(get("/security-info/continue").session(session)).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/security-info");

		assertThat(signIn(new MockHttpSession(), user).getResponse().getRedirectedUrl()).isEqualTo("/security-info?setup");
	}

	@Test
	void whenNeverConfirmedThenAskedOnceAndNotAgainAfterConfirming() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("two@home.example").withMobile("+1 555 020 0202")
				.neverConfirmed().create();

		MvcResult first = signIn(new MockHttpSession(), user);
		assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/security-info?confirm");
		MockHttpSession session = (MockHttpSession) first.getRequest().getSession(false);
		assertThat(mvc.perform(post("/security-info/confirm").session(session).with(csrf())).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/security-info/continue");
		assertThat(mvc.perform(get("/security-info/continue").session(session)).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/security-info");

		assertThat(directory.findUser(user).orElseThrow().securityInfoConfirmedAt()).isNotNull();
		assertThat(signIn(new MockHttpSession(), user).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
	}

	@Test
	void whenOutsideTheSsprGroupThenNeverInterrupted() throws Exception {
		String user = TestUsers.in(jdbc).contoso().outsideSsprGroup().neverConfirmed().create();

		assertThat(signIn(new MockHttpSession(), user).getResponse().getRedirectedUrl()).isEqualTo("/security-info");
	}

	@Test
	void whenReturnToIsOnTheTenantsListThenSentBackThereAfterSignInByAPageNotARedirect() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("ret@home.example").withMobile("+1 555 030 0303").create();
		String target = "https://apps.contoso.example/home?tab=2";
		MvcResult page = mvc.perform(get("/sign-in").param("return_to", target)).andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("name=\"return_to\" value=\"" + target.replace("&", "&amp;") + "\"");

		// CSP form-action would stop a redirect from the sign-in POST to another origin.
		MvcResult signedIn = signIn(user, target);
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/security-info/continue");
		MvcResult leaving = mvc.perform(get("/security-info/continue")
				.session((MockHttpSession) signedIn.getRequest().getSession(false))).andReturn();
		assertThat(leaving.getResponse().getStatus()).isEqualTo(200);
		assertThat(leaving.getResponse().getHeader("Refresh")).isEqualTo("0; url=" + target);
	}

	@Test
	void whenReturnToIsAnyOtherPlaceThenIgnored() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("ret2@home.example").withMobile("+1 555 040 0404").create();
		for (String evil : new String[] { "https://evil.example/", "http://apps.contoso.example/",
				"https://apps.contoso.example.evil.example/", "https://user@apps.contoso.example/", "javascript:alert(1)",
				"//evil.example", "https://apps.contoso.example:8443/", "http://127.0.0.1:9/" }) {
			MvcResult signedIn = signIn(user, evil);
			assertThat(signedIn.getResponse().getRedirectedUrl()).as(evil).isEqualTo("/security-info");
			assertThat(mvc.perform(get("/security-info/continue").session((MockHttpSession) signedIn.getRequest().getSession(false)))
					.andReturn().getResponse().getRedirectedUrl()).as(evil).isEqualTo("/security-info");
		}
	}

	@Test
	void whenSignInFailsThenReturnToIsKeptOnTheWayBack() throws Exception {
		MvcResult failed = mvc.perform(post("/sign-in").with(csrf()).param("userId", "nobody@contoso.example")
				.param("password", "wrong").param("return_to", "https://apps.contoso.example/x")).andReturn();

		assertThat(failed.getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?error&return_to=https%3A%2F%2Fapps.contoso.example%2Fx");
	}

	@Test
	void whenNotSignedInThenReturnToSurvivesTheWayToSignIn() throws Exception {
		MvcResult result = mvc.perform(get("/security-info").param("return_to", "https://apps.contoso.example/x")).andReturn();

		assertThat(result.getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?return_to=https%3A%2F%2Fapps.contoso.example%2Fx");
	}
}
