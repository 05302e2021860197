package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sspr.AtOnce;
import dev.sspr.TestUsers;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.delivery.OutgoingMessage;
import dev.sspr.directory.OutsideGuestPage;
import dev.sspr.guest.Invitations;
import dev.sspr.retention.RetentionJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Guests' invitations (R-03): the console invites, the email carries a one-time link, opening it
 * redeems nothing, one post redeems it, and a replayed, expired, unknown or malformed link gets the
 * same page. Every guest made here is deleted afterwards.
 */
class InvitationTests extends AdminTestSupport {

	static final Pattern LINK = Pattern.compile("(https?://[^\\s\\u2066-\\u2069]+/invitation\\?token=([A-Za-z0-9_-]{43}))");
	static final String PASSWORD = "Lantern-Fjord-Quartz-83";
	static final String INVALID = "This invitation link is no longer valid";

	@Autowired
	DevOutbox outbox;

	@Autowired
	Invitations invitations;

	@Autowired
	RetentionJob retention;

	final List<String> created = new ArrayList<>();

	@AfterEach
	void deleteGuests() {
		for (String userId : created) {
			// Guests first: a guest's home may be one of the members made here.
			jdbc.sql("delete from directory_user where user_id = ? and account_kind = 'GUEST'").param(userId).update();
			jdbc.sql("delete from directory_user where external_email = ?").param(userId).update();
		}
		for (String userId : created) {
			jdbc.sql("delete from user_group where user_id = (select id from directory_user where user_id = ?)").param(userId)
					.update();
			jdbc.sql("delete from directory_user where user_id = ?").param(userId).update();
		}
	}

	/** An address no other test invites. */
	String address(String domain) {
		String address = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
		created.add(address);
		return address;
	}

	MockHttpServletResponse invite(String email, String displayName, String homeOrganization) throws Exception {
		return mvc.perform(post("/admin/users/invite").with(as(CONTOSO_ADMIN)).with(csrf()).param("email", email)
				.param("displayName", displayName).param("homeOrganization", homeOrganization)).andReturn().getResponse();
	}

	/** The newest invitation's link sent to this address. */
	String link(String address) {
		OutgoingMessage message = outbox.entries().stream().map(DevOutbox.Entry::message)
				.filter(m -> m.destination().equals(address)).findFirst().orElseThrow();
		Matcher link = LINK.matcher(message.body());
		assertThat(link.find()).as("a link in %s", message.body()).isTrue();
		return link.group(1);
	}

	static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	MockHttpServletResponse open(String token) throws Exception {
		return mvc.perform(get("/invitation").param("token", token)).andReturn().getResponse();
	}

	MockHttpServletResponse redeem(String token, String password) throws Exception {
		var request = post("/invitation").with(csrf()).param("token", token);
		if (password != null) {
			request.param("newPassword", password).param("confirmPassword", password);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	Map<String, Object> guestRow(String address) {
		return jdbc.sql("select * from directory_user where external_email = ?").param(address).query().singleRow();
	}

	Map<String, Object> invitationRow(String address) {
		return jdbc.sql("""
				select * from guest_invitation where user_id = (select id from directory_user where external_email = ?)""")
				.param(address).query().singleRow();
	}

	@Test
	void whenGuestInvitedThenTheLinkShowsAFormAndOnePostRedeemsIt() throws Exception {
		String address = address("northwind.example");
		MockHttpServletResponse invited = invite(address.toUpperCase(Locale.ROOT), "Li Wei", "");
		Map<String, Object> guest = guestRow(address);
		assertThat(invited.getRedirectedUrl()).isEqualTo("/admin/users/" + guest.get("ID") + "?invited");
		assertThat(guest.get("USER_ID")).isEqualTo(address.replace('@', '_') + "#ext#@contoso.example");
		assertThat(guest.get("ACCOUNT_KIND")).isEqualTo("GUEST");
		assertThat(guest.get("PASSWORD_HASH")).isNull();
		assertThat(guest.get("ENABLED")).isEqualTo(true);
		assertThat(guest.get("LICENSED")).isEqualTo(true);
		assertThat(guest.get("PASSWORD_SOURCE")).isEqualTo("CLOUD");
		assertThat(auditCount("ADMIN_GUEST_INVITED")).isPositive();

		String link = link(address);
		assertThat(link).startsWith("http://localhost:8080/invitation?token=");
		MockHttpServletResponse page = open(token(link));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("name=\"token\"", "id=\"newPassword\"", "Contoso");
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(invitationRow(address).get("REDEEMED_AT")).as("opening the link redeems nothing").isNull();

		MockHttpServletResponse weak = redeem(token(link), "weak");
		assertThat(weak.getStatus()).isEqualTo(200);
		assertThat(weak.getContentAsString()).contains("field-error", "name=\"token\"").doesNotContain("value=\"weak\"");
		assertThat(invitationRow(address).get("REDEEMED_AT")).isNull();

		MockHttpServletResponse done = redeem(token(link), PASSWORD);
		assertThat(done.getStatus()).isEqualTo(200);
		assertThat(done.getContentAsString()).contains("accepted the invitation");
		assertThat(guestRow(address).get("PROVEN_EMAIL")).isEqualTo(address);
		assertThat(guestRow(address).get("PASSWORD_HASH")).isNotNull();
		assertThat(invitationRow(address).get("REDEEMED_AT")).isNotNull();
		assertThat(directory.passwordIs(((Number) guest.get("ID")).longValue(), PASSWORD)).isTrue();
		assertThat(auditCount("GUEST_INVITATION_REDEEMED")).isPositive();

		MockHttpServletResponse replay = redeem(token(link), PASSWORD);
		assertThat(replay.getStatus()).isEqualTo(410);
		assertThat(replay.getContentAsString()).contains(INVALID);
		assertThat(open(token(link)).getStatus()).isEqualTo(410);
	}

	@Test
	void whenInvitationExpiredThenItIsRefusedAndPurgedADayLaterWithoutTheAccount() throws Exception {
		String address = address("northwind.example");
		invite(address, "Expiring Guest", "");
		String token = token(link(address));
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(open(token).getStatus()).isEqualTo(410);
		MockHttpServletResponse post = redeem(token, PASSWORD);
		assertThat(post.getStatus()).isEqualTo(410);
		assertThat(post.getContentAsString()).contains(INVALID);
		assertThat(guestRow(address).get("PROVEN_EMAIL")).isNull();

		retention.purge();
		assertThat(jdbc.sql("select count(*) from guest_invitation where token_hash = ?").param(sha256(token))
				.query(Long.class).single()).as("kept a day past its end").isEqualTo(1);
		clock.advance(Duration.ofDays(1));
		retention.purge();
		assertThat(jdbc.sql("select count(*) from guest_invitation where token_hash = ?").param(sha256(token))
				.query(Long.class).single()).isZero();
		assertThat(guestRow(address).get("ACCOUNT_KIND")).as("the account stays").isEqualTo("GUEST");
	}

	@Test
	void whenInvitationStoredThenTheDatabaseHoldsOnlyTheTokensHash() throws Exception {
		String address = address("northwind.example");
		invite(address, "Hashed Guest", "");
		String token = token(link(address));
		Map<String, Object> row = invitationRow(address);
		assertThat(row.get("TOKEN_HASH")).isEqualTo(sha256(token));
		assertThat(row.toString()).doesNotContain(token);
		assertThat(guestRow(address).toString()).doesNotContain(token);
		assertThat(String.join("\n", jdbc.sql("select details from audit_record where details is not null")
				.query(String.class).list())).doesNotContain(token);
	}

	@Test
	void whenMemberOfAnotherTenantInvitedThenRedemptionRecordsTheirHomeAndAsksNoPassword() throws Exception {
		String member = TestUsers.in(jdbc).fabrikam().create();
		created.add(member);
		invite(member, "Fabrikam Member", "");
		String token = token(link(member));
		MockHttpServletResponse page = open(token);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).doesNotContain("id=\"newPassword\"").contains("Fabrikam");

		MockHttpServletResponse done = redeem(token, null);
		assertThat(done.getStatus()).isEqualTo(200);
		Map<String, Object> guest = guestRow(member);
		assertThat(((Number) guest.get("HOME_USER_ID")).longValue()).isEqualTo(user(member).id());
		assertThat(guest.get("PROVEN_EMAIL")).isEqualTo(member);
		assertThat(guest.get("PASSWORD_HASH")).isNull();

		String list = mvc.perform(get("/admin/users").with(as(CONTOSO_ADMIN)).param("q", member.substring(0, member.indexOf('@'))))
				.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Guest", "Fabrikam", "Resets with their home organization", "Invitation accepted");

		// The home account gone, the guest is still from elsewhere: never an account that resets here.
		jdbc.sql("delete from directory_user where user_id = ?").param(member).update();
		assertThat(directory.resolve(guestUserId(member))).isInstanceOf(dev.sspr.directory.Resolution.OutsideHome.class);
	}

	private String guestUserId(String address) {
		return jdbc.sql("select user_id from directory_user where external_email = ?").param(address).query(String.class).single();
	}

	@Test
	void whenHomeOrganizationGivenThenTheGuestChoosesNoPasswordAndKeepsThatHome() throws Exception {
		String address = address("northwind.example");
		invite(address, "Outside Guest", "Northwind Traders");
		String token = token(link(address));
		String page = open(token).getContentAsString();
		assertThat(page).contains("Northwind Traders").doesNotContain("id=\"newPassword\"");
		assertThat(redeem(token, null).getStatus()).isEqualTo(200);
		Map<String, Object> guest = guestRow(address);
		assertThat(guest.get("HOME_ORGANIZATION")).isEqualTo("Northwind Traders");
		assertThat(guest.get("HOME_USER_ID")).isNull();
		assertThat(guest.get("PROVEN_EMAIL")).isEqualTo(address);
		assertThat(guest.get("PASSWORD_HASH")).isNull();
	}

	@Test
	void whenPersonalAccountInvitedThenItsProviderIsItsHomeAndItNeverGetsAPasswordHere() throws Exception {
		String address = address("outlook.com");
		invite(address, "Personal Guest", "");
		String token = token(link(address));
		assertThat(open(token).getContentAsString()).contains("Microsoft").doesNotContain("id=\"newPassword\"");
		assertThat(redeem(token, null).getStatus()).isEqualTo(200);
		Map<String, Object> guest = guestRow(address);
		assertThat(guest.get("HOME_ORGANIZATION")).isEqualTo("Microsoft");
		assertThat(guest.get("PASSWORD_HASH")).isNull();
	}

	@Test
	void whenAddressIsBadOrAMembersThenAFieldMessageAndNoAccount() throws Exception {
		for (String bad : List.of("not-an-address", "a@b", "<script>@x.example", "x".repeat(400) + "@x.example", "")) {
			MockHttpServletResponse response = invite(bad, "Someone", "");
			assertThat(response.getStatus()).as(bad).isEqualTo(200);
			assertThat(response.getContentAsString()).contains("id=\"email-error\"");
		}
		MockHttpServletResponse member = invite("someone-new@contoso.example", "Someone", "");
		assertThat(member.getStatus()).isEqualTo(200);
		assertThat(member.getContentAsString()).contains("belongs to a member, not a guest");
		assertThat(jdbc.sql("select count(*) from directory_user where external_email in ('not-an-address', 'someone-new@contoso.example')")
				.query(Long.class).single()).isZero();
	}

	@Test
	void whenSameAddressInvitedAgainThenTheOldLinkDiesAndThereIsOneAccount() throws Exception {
		String address = address("northwind.example");
		invite(address, "Twice Invited", "");
		String first = token(link(address));
		invite(address, "Twice Invited", "");
		String second = token(link(address));
		assertThat(second).isNotEqualTo(first);
		assertThat(jdbc.sql("select count(*) from directory_user where external_email = ?").param(address)
				.query(Long.class).single()).isEqualTo(1);
		assertThat(open(first).getStatus()).isEqualTo(410);
		assertThat(open(second).getStatus()).isEqualTo(200);
		String list = mvc.perform(get("/admin/users").with(as(CONTOSO_ADMIN)).param("q", "Twice Invited"))
				.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Guest", "Invitation pending", "None");
		String detail = mvc.perform(get("/admin/users/" + guestRow(address).get("ID")).with(as(CONTOSO_ADMIN)))
				.andReturn().getResponse().getContentAsString();
		assertThat(detail).contains(address, "Invitation pending", "Security info last confirmed", "Never");
	}

	@Test
	void whenTokenIsMalformedMissingOrUnknownThenTheSamePage() throws Exception {
		List<MockHttpServletResponse> answers = List.of(open("abc"), open("x".repeat(5000)),
				mvc.perform(get("/invitation")).andReturn().getResponse(), open("A".repeat(43)),
				redeem("A".repeat(43), PASSWORD), redeem("<script>", PASSWORD));
		for (MockHttpServletResponse answer : answers) {
			assertThat(answer.getStatus()).isEqualTo(410);
			assertThat(answer.getContentAsString()).contains(INVALID).doesNotContain("Exception");
		}
		assertThat(mvc.perform(get("/invitation").param("token", "abc").param("mkt", "tr")).andReturn().getResponse()
				.getContentAsString()).doesNotContain(INVALID);
	}

	@Test
	void whenTwoRedemptionsRaceThenOneWins() throws Exception {
		String address = address("northwind.example");
		invite(address, "Racing Guest", "");
		String token = token(link(address));
		List<Invitations.Redemption> outcomes = AtOnce.run(2, i -> () -> invitations.redeem(token, PASSWORD, PASSWORD));
		assertThat(outcomes).filteredOn(Invitations.Redemption.Redeemed.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(Invitations.Redemption.Invalid.class::isInstance).hasSize(1);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void whenInvitedAndRedeemedThenTheTokenIsNeverLogged(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		List<String> chatty = List.of("dev.sspr", "org.springframework.web", "org.springframework.security",
				"org.springframework.jdbc", "org.hibernate.SQL", "org.hibernate.orm.jdbc.bind", "org.apache.catalina");
		chatty.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
		String token;
		try {
			String address = address("northwind.example");
			invite(address, "Quiet Guest", "");
			token = token(link(address));
			open(token);
			redeem(token, "weak");
			redeem(token, PASSWORD);
			redeem(token, PASSWORD);
		}
		finally {
			chatty.forEach(name -> logging.setLogLevel(name, null));
		}
		String log = output.getAll();
		assertThat(log).as("the loggers did run").contains("/invitation");
		assertThat(log).doesNotContain(token).doesNotContain(PASSWORD);
	}

	@Test
	void whenOutsideGuestsTextAndLinkSavedThenTheyAreKeptAndAnHttpLinkIsRefused() throws Exception {
		long contoso = tenantId("contoso");
		mvc.perform(post("/admin/customization/outside-guests").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("outsideGuestText", "Reset at Northwind's own portal.")
				.param("outsideGuestUrl", "https://sspr.northwind.example/reset"))
				.andExpect(status().is3xxRedirection());
		assertThat(directory.outsideGuestPage(contoso)).isEqualTo(
				new OutsideGuestPage("Reset at Northwind's own portal.", "https://sspr.northwind.example/reset"));
		for (String bad : List.of("http://sspr.northwind.example", "javascript:alert(1)", "https://x.example/" + "a".repeat(500))) {
			String page = mvc.perform(post("/admin/customization/outside-guests").with(as(CONTOSO_ADMIN)).with(csrf())
					.param("outsideGuestText", "x").param("outsideGuestUrl", bad)).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("id=\"outsideGuestUrl-error\"");
		}
		mvc.perform(post("/admin/customization/outside-guests").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("outsideGuestText", "").param("outsideGuestUrl", "")).andExpect(status().is3xxRedirection());
		assertThat(directory.outsideGuestPage(contoso)).isEqualTo(new OutsideGuestPage(null, null));
	}

	static String sha256(String token) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
	}
}
