package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.PortalTest;
import dev.sspr.TestClock;
import dev.sspr.TestUsers;
import dev.sspr.audit.AuditEntry;
import dev.sspr.audit.AuditLog;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.directory.Directory;
import dev.sspr.passkey.Ceremonies.Attestation;
import dev.sspr.passkey.Ceremonies.CreationOptions;
import dev.sspr.passkey.Passkey;
import dev.sspr.passkey.Passkeys;
import dev.sspr.throttle.Throttle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Passkeys on the security-info page: adding one after a recent password, renaming and deleting, through MockMvc. */
@PortalTest
class PasskeyRegistrationTests {

	private static final String ORIGIN = "http://localhost:8080";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	DevOutbox outbox;

	@Autowired
	TestClock clock;

	@Autowired
	Throttle throttle;

	@BeforeEach
	void cleanSlate() {
		throttle.clearAll();
		outbox.clear();
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MockHttpSession signIn(String userId) throws Exception {
		MvcResult result = mvc.perform(post("/sign-in").with(csrf()).param("userId", userId)
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/security-info");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	long pk(String userId) {
		return directory.findUser(userId).orElseThrow().id();
	}

	/** The add page, and the options it handed out (kept in the session). */
	CreationOptions openNewPage(MockHttpSession session) throws Exception {
		MvcResult page = mvc.perform(get("/security-info/passkeys/new").session(session).header("Accept-Language", "en"))
				.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(page)).contains("data-passkey=\"create\"");
		return (CreationOptions) session.getAttribute(PasskeysController.OPTIONS);
	}

	MvcResult postNew(MockHttpSession session, String name, Attestation answer) throws Exception {
		return mvc.perform(post("/security-info/passkeys").session(session).with(csrf()).header("Accept-Language", "en")
				.param("name", name).param("attestationObject", answer.attestationObject())
				.param("clientDataJson", answer.clientDataJson()).param("transports", answer.transports())).andReturn();
	}

	@Test
	void whenNoRecentPasswordThenThePasswordPageAndThenBackToTheAddPage() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user);
		clock.advance(Duration.ofMinutes(6));

		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", ORIGIN);
		assertThat(body(postNew(session, "Laptop", device.register("AAAA")))).contains("name=\"password\"");
		assertThat(passkeys.count(pk(user))).isZero();
		String page = body(mvc.perform(get("/security-info/passkeys/new").session(session)).andReturn());
		assertThat(page).contains("name=\"password\"", "/security-info/passkey/reauth").doesNotContain("data-passkey=\"create\"");
		assertThat(session.getAttribute(PasskeysController.OPTIONS)).isNull();

		MvcResult wrong = mvc.perform(post("/security-info/passkey/reauth").session(session).with(csrf())
				.header("Accept-Language", "en").param("password", "not the password")).andReturn();
		assertThat(body(wrong)).contains("id=\"password-error\"");
		MvcResult reauth = mvc.perform(post("/security-info/passkey/reauth").session(session).with(csrf())
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(reauth.getResponse().getRedirectedUrl()).isEqualTo("/security-info/passkeys/new");
		MockHttpSession renewed = (MockHttpSession) reauth.getRequest().getSession(false);
		assertThat(openNewPage(renewed)).isNotNull();
	}

	@Test
	void whenAValidPasskeyIsAddedThenStoredAuditedToldAndListedWithoutItsId() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("old.contact@home.example")
				.confirmedAt(clock.instant().minus(Duration.ofDays(200))).create();
		MockHttpSession session = signIn(user);
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", ORIGIN);
		CreationOptions options = openNewPage(session);

		MvcResult added = postNew(session, "  Work laptop  ", device.register(options.challenge()));

		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passkeyAdded");
		assertThat(passkeys.of(pk(user))).extracting(Passkey::name).containsExactly("Work laptop");
		assertThat(session.getAttribute(PasskeysController.OPTIONS)).as("single use").isNull();
		assertThat(audit.forSubject(user, 5)).filteredOn(e -> e.eventType().equals("METHOD_REGISTERED"))
				.extracting(AuditEntry::methods, AuditEntry::outcome)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("PASSKEY", "SUCCESS"));
		assertThat(directory.findUser(user).orElseThrow().securityInfoConfirmedAt())
				.as("adding a method confirms the security info (R-24)").isAfter(clock.instant().minus(Duration.ofDays(1)));
		assertThat(outbox.entries()).hasSize(1);
		DevOutbox.Entry told = outbox.entries().get(0);
		assertThat(told.message().destination()).isEqualTo("old.contact@home.example");
		assertThat(told.message().subject()).contains("A passkey was added");
		assertThat(told.message().body() + told.message().html()).doesNotContain(device.credentialId(), "Work laptop");

		String page = body(mvc.perform(get("/security-info").param("passkeyAdded", "").session(session)
				.header("Accept-Language", "en")).andReturn());
		assertThat(page).contains("Work laptop", "Your passkey was added.", "Added ", "Not used yet",
				"/security-info/passkeys/new").doesNotContain(device.credentialId(), options.userHandle());
	}

	@Test
	void whenTheDevicesAnswerDoesNotVerifyThenRefusedWithAMessageAndNothingStored() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("refused@home.example").create();
		MockHttpSession session = signIn(user);
		Map<String, Function<String, Attestation>> answers = Map.of(
				"no user verification", challenge -> SoftwareAuthenticator.create("localhost", ORIGIN)
						.flags(SoftwareAuthenticator.UP).register(challenge),
				"wrong origin", challenge -> SoftwareAuthenticator.create("localhost", "https://evil.example")
						.register(challenge),
				"wrong challenge", challenge -> SoftwareAuthenticator.create("localhost", ORIGIN)
						.register(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])),
				"wrong relying party", challenge -> SoftwareAuthenticator.create("evil.example", ORIGIN).register(challenge));

		for (Map.Entry<String, Function<String, Attestation>> answer : answers.entrySet()) {
			CreationOptions options = openNewPage(session);
			MvcResult result = postNew(session, "Phone", answer.getValue().apply(options.challenge()));

			assertThat(result.getResponse().getStatus()).as(answer.getKey()).isEqualTo(200);
			assertThat(body(result)).as(answer.getKey()).contains("That passkey could not be accepted", "id=\"passkey-error\"")
					.contains("value=\"Phone\"");
		}
		assertThat(passkeys.count(pk(user))).isZero();
		assertThat(outbox.entries()).isEmpty();
		assertThat(audit.forSubject(user, 10)).extracting(AuditEntry::eventType).doesNotContain("METHOD_REGISTERED");
		assertThat(audit.forSubject(user, 10)).filteredOn(e -> e.eventType().equals("REGISTRATION_REFUSED"))
				.extracting(AuditEntry::reason, AuditEntry::methods).hasSize(answers.size())
				.containsOnly(org.assertj.core.groups.Tuple.tuple("PASSKEY_REFUSED", "PASSKEY"));
	}

	@Test
	void whenTheDeviceGaveNoAnswerThenToldAndNothingStored() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user);
		openNewPage(session);

		MvcResult result = mvc.perform(post("/security-info/passkeys").session(session).with(csrf())
				.header("Accept-Language", "en").param("name", "Phone").param("attestationObject", "")
				.param("clientDataJson", "not base64url!")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("Your device did not answer.");
		assertThat(passkeys.count(pk(user))).isZero();
	}

	@Test
	void whenOptionsAreAnsweredAgainOrWereNeverGivenThenExpiredAndNothingMoreStored() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user);
		CreationOptions options = openNewPage(session);
		assertThat(postNew(session, "First", SoftwareAuthenticator.create("localhost", ORIGIN).register(options.challenge()))
				.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passkeyAdded");

		// The same options put back (a replayed session, or a second tab's copy): their challenge was spent.
		session.setAttribute(PasskeysController.OPTIONS, options);
		MvcResult replayed = postNew(session, "Second",
				SoftwareAuthenticator.create("localhost", ORIGIN).register(options.challenge()));
		assertThat(body(replayed)).contains("That request has expired or was already used.");

		session.removeAttribute(PasskeysController.OPTIONS);
		MvcResult none = postNew(session, "Third", SoftwareAuthenticator.create("localhost", ORIGIN).register(options.challenge()));
		assertThat(body(none)).contains("That request has expired or was already used.");
		assertThat(passkeys.of(pk(user))).extracting(Passkey::name).containsExactly("First");
	}

	@Test
	void whenTheOptionsExpiredThenExpiredAndNothingStored() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user);
		CreationOptions options = openNewPage(session);
		clock.advance(passkeys.timeout().plusSeconds(1));

		MvcResult result = postNew(session, "Late", SoftwareAuthenticator.create("localhost", ORIGIN).register(options.challenge()));

		assertThat(body(result)).contains("That request has expired or was already used.");
		assertThat(passkeys.count(pk(user))).isZero();
	}

	@Test
	void whenTheDevicesPasskeyIsRegisteredAlreadyThenRefusedAndNoSecondRow() throws Exception {
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", ORIGIN);
		String user = TestUsers.in(jdbc).contoso().withPasskey(passkeys, device).create();
		MockHttpSession session = signIn(user);
		CreationOptions options = openNewPage(session);
		assertThat(options.excludedCredentials()).containsExactly(device.credentialId());

		MvcResult result = postNew(session, "Again", device.register(options.challenge()));

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("This device already has a passkey for your account.");
		assertThat(passkeys.of(pk(user))).extracting(Passkey::name).containsExactly("Test passkey");
	}

	@Test
	void whenTheUserHasAsManyPasskeysAsAllowedThenNoFormAndALateAnswerIsRefused() throws Exception {
		TestUsers builder = TestUsers.in(jdbc).contoso();
		for (int i = 1; i < passkeys.maxPerUser(); i++) {
			builder.withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN));
		}
		String user = builder.create();
		long pk = pk(user);
		MockHttpSession session = signIn(user);
		CreationOptions options = openNewPage(session);
		// Filled up meanwhile (another tab).
		CreationOptions elsewhere = passkeys.creationOptions(pk, user, user);
		passkeys.register(pk, elsewhere, SoftwareAuthenticator.create("localhost", ORIGIN).register(elsewhere.challenge()), "Tab");
		assertThat(passkeys.count(pk)).isEqualTo(passkeys.maxPerUser());

		MvcResult late = postNew(session, "One too many", SoftwareAuthenticator.create("localhost", ORIGIN)
				.register(options.challenge()));
		assertThat(body(late)).contains("You have as many passkeys as allowed.").doesNotContain("data-passkey=\"create\"");
		assertThat(passkeys.count(pk)).isEqualTo(passkeys.maxPerUser());

		String page = body(mvc.perform(get("/security-info/passkeys/new").session(session).header("Accept-Language", "en"))
				.andReturn());
		assertThat(page).contains("You have as many passkeys as allowed.").doesNotContain("data-passkey=\"create\"");
		assertThat(session.getAttribute(PasskeysController.OPTIONS)).isNull();
		assertThat(body(mvc.perform(get("/security-info").session(session).header("Accept-Language", "en")).andReturn()))
				.doesNotContain("/security-info/passkeys/new");
	}

	@Test
	void whenTheNameIsBlankTooLongOrMarkupThenAMessageBesideItEscapedAndNothingStored() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user);
		Map<String, String> names = Map.of("", "Enter a name for the passkey.", "   ", "Enter a name for the passkey.",
				"x".repeat(65), "Use at most 64 characters.", "<b>Bold</b>", "Leave out the characters",
				"Bell\u0007", "This contains characters that are not allowed.");

		for (Map.Entry<String, String> name : names.entrySet()) {
			CreationOptions options = openNewPage(session);
			MvcResult result = postNew(session, name.getKey(),
					SoftwareAuthenticator.create("localhost", ORIGIN).register(options.challenge()));

			assertThat(result.getResponse().getStatus()).as(name.getKey()).isEqualTo(200);
			assertThat(body(result)).as(name.getKey()).contains("id=\"name-error\"", name.getValue(),
					"aria-describedby=\"name-hint name-error\"").doesNotContain("<b>Bold</b>");
		}
		assertThat(body(postNew(session, "<b>Bold</b>", new Attestation("", "", "")))).contains("&lt;b&gt;Bold&lt;/b&gt;");
		assertThat(passkeys.count(pk(user))).isZero();
		// 64 characters once stripped is fine.
		CreationOptions options = openNewPage(session);
		assertThat(postNew(session, " " + "y".repeat(64) + " ",
				SoftwareAuthenticator.create("localhost", ORIGIN).register(options.challenge())).getResponse()
				.getRedirectedUrl()).isEqualTo("/security-info?passkeyAdded");
	}

	@Test
	void whenRenamingOwnPasskeyThenRenamedAndABadNameIsToldBesideItsField() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN))
				.create();
		long id = passkeys.of(pk(user)).get(0).id();
		MockHttpSession session = signIn(user);
		// Renaming is not a new way in: no password again, however long ago it was typed.
		clock.advance(Duration.ofMinutes(6));

		MvcResult renamed = mvc.perform(post("/security-info/passkeys/" + id + "/name").session(session).with(csrf())
				.param("name", " Desk phone ")).andReturn();
		assertThat(renamed.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passkeyRenamed");
		assertThat(passkeys.name(pk(user), id)).contains("Desk phone");

		MvcResult refused = mvc.perform(post("/security-info/passkeys/" + id + "/name").session(session).with(csrf())
				.param("name", "<i>x</i>")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
		String page = body(mvc.perform(get("/security-info").session(session).header("Accept-Language", "en")
				.flashAttrs(refused.getFlashMap())).andReturn());
		assertThat(page).contains("id=\"passkey-" + id + "-name-error\"", "aria-describedby=\"passkey-" + id + "-name-error\"",
				"Leave out the characters", "&lt;i&gt;x&lt;/i&gt;").doesNotContain("<i>x</i>");
		assertThat(passkeys.name(pk(user), id)).contains("Desk phone");

		MvcResult blank = mvc.perform(post("/security-info/passkeys/" + id + "/name").session(session).with(csrf())
				.param("name", "  ")).andReturn();
		assertThat(blank.getFlashMap().get(PasskeysController.RENAME_ERROR))
				.isEqualTo(new PasskeysController.RenameError(id, "registration.passkey.name.required", ""));
		assertThat(passkeys.name(pk(user), id)).contains("Desk phone");
	}

	@Test
	void whenRenamingOrDeletingSomeoneElsesPasskeyThenNotFoundAndItStays() throws Exception {
		String owner = TestUsers.in(jdbc).contoso().withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN))
				.create();
		long theirs = passkeys.of(pk(owner)).get(0).id();
		String other = TestUsers.in(jdbc).contoso().withEmail("other@home.example").create();
		MockHttpSession session = signIn(other);

		assertThat(mvc.perform(post("/security-info/passkeys/" + theirs + "/name").session(session).with(csrf())
				.param("name", "Mine now")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/security-info/passkeys/" + theirs + "/name").session(session).with(csrf())
				.param("name", "")).andReturn().getResponse().getStatus()).as("not theirs, whatever the name").isEqualTo(404);
		assertThat(mvc.perform(post("/security-info/passkeys/" + theirs + "/delete").session(session).with(csrf()))
				.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/security-info/passkeys/999999999/delete").session(session).with(csrf()))
				.andReturn().getResponse().getStatus()).isEqualTo(404);

		assertThat(passkeys.of(pk(owner))).extracting(Passkey::name).containsExactly("Test passkey");
		assertThat(outbox.entries()).isEmpty();
		assertThat(audit.forSubject(other, 5)).extracting(AuditEntry::eventType).doesNotContain("METHOD_REMOVED");
	}

	@Test
	void whenDeletingOwnPasskeyThenGoneTheEmailToldAndAudited() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withEmail("told@home.example")
				.withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN))
				.withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN)).create();
		List<Passkey> before = passkeys.of(pk(user));
		MockHttpSession session = signIn(user);
		String page = body(mvc.perform(get("/security-info").session(session)).andReturn());
		assertThat(page).contains("/security-info/passkeys/" + before.get(0).id() + "/delete",
				"/security-info/passkeys/" + before.get(1).id() + "/delete");

		MvcResult deleted = mvc.perform(post("/security-info/passkeys/" + before.get(0).id() + "/delete").session(session)
				.with(csrf()).header("Accept-Language", "en")).andReturn();

		assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/security-info?passkeyRemoved");
		assertThat(passkeys.of(pk(user))).extracting(Passkey::id).containsExactly(before.get(1).id());
		assertThat(outbox.entries()).extracting(e -> e.message().destination()).containsExactly("told@home.example");
		assertThat(outbox.entries().get(0).message().subject()).contains("A passkey was removed");
		assertThat(audit.forSubject(user, 5)).filteredOn(e -> e.eventType().equals("METHOD_REMOVED"))
				.extracting(AuditEntry::methods).containsExactly("PASSKEY");
	}

	@Test
	void whenDeletingLongAfterSignInThenPasswordFirstAndNothingDeleted() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN))
				.create();
		long id = passkeys.of(pk(user)).get(0).id();
		MockHttpSession session = signIn(user);
		// The add page asked first and was left: the delete's password must not lead there.
		clock.advance(Duration.ofMinutes(6));
		mvc.perform(get("/security-info/passkeys/new").session(session)).andReturn();

		MvcResult asked = mvc.perform(post("/security-info/passkeys/" + id + "/delete").session(session).with(csrf()))
				.andReturn();
		assertThat(body(asked)).contains("name=\"password\"", "/security-info/passkey/reauth");
		assertThat(passkeys.count(pk(user))).isEqualTo(1);
		assertThat(outbox.entries()).isEmpty();

		MvcResult reauth = mvc.perform(post("/security-info/passkey/reauth").session(session).with(csrf())
				.param("password", DemoUsers.CONTOSO_PASSWORD)).andReturn();
		assertThat(reauth.getResponse().getRedirectedUrl()).isEqualTo("/security-info");
		MockHttpSession renewed = (MockHttpSession) reauth.getRequest().getSession(false);
		assertThat(mvc.perform(post("/security-info/passkeys/" + id + "/delete").session(renewed).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/security-info?passkeyRemoved");
		assertThat(passkeys.count(pk(user))).isZero();
	}

	@Test
	void whenTheFirstPasskeyIsAddedLongAfterSignInThenPasswordFirstAsWell() throws Exception {
		String user = TestUsers.in(jdbc).contoso().create();
		MockHttpSession session = signIn(user);
		clock.advance(Duration.ofMinutes(6));

		assertThat(body(mvc.perform(get("/security-info/passkeys/new").session(session)).andReturn()))
				.contains("name=\"password\"");
	}

	@Test
	void whenThePagesAreShownInTurkishOrLatvianThenTheyRender() throws Exception {
		String user = TestUsers.in(jdbc).contoso().withPasskey(passkeys, SoftwareAuthenticator.create("localhost", ORIGIN))
				.create();
		MockHttpSession session = signIn(user);
		for (String language : List.of("tr", "lv")) {
			MvcResult info = mvc.perform(get("/security-info").session(session).header("Accept-Language", language)).andReturn();
			assertThat(info.getResponse().getStatus()).as(language).isEqualTo(200);
			assertThat(body(info)).as(language).contains("lang=\"" + language + "\"", "Test passkey",
					"/security-info/passkeys/new");

			MvcResult add = mvc.perform(get("/security-info/passkeys/new").session(session).header("Accept-Language", language))
					.andReturn();
			assertThat(add.getResponse().getStatus()).as(language).isEqualTo(200);
			assertThat(body(add)).as(language).contains("lang=\"" + language + "\"", "data-passkey=\"create\"",
					"data-algorithms=\"-7,-257\"");
		}
	}
}
