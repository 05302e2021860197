package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.TestGuests;
import dev.sspr.TestUsers;
import dev.sspr.audit.AuditEntry;
import dev.sspr.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * R-03 through the wizard: a guest at home in another tenant resets there, under that tenant's policy
 * and methods; a guest from an outside organization and a consumer account are sent where their
 * password lives; a sign-up user and a guest without a home reset with one email code to the address
 * they proved, under the inviting tenant's rule for such users.
 */
class GuestResetTests extends ResetWebTestSupport {

	private static final String NEW_PASSWORD = "Kalns#Upe-2026-Rits";

	@Autowired
	AuditLog audit;

	@Autowired
	MessageSource messages;

	@Test
	void whenGuestAtHomeInAnotherTenantThenResetUnderTheHomeTenantsPolicyAndMethods() throws Exception {
		String member = TestUsers.in(jdbc).fabrikam().withEmail("home-member@pasts.example").create();
		TestGuests guests = TestGuests.in(jdbc).contoso();
		String invited = guests.withAddress("alias-" + member).homeAt(member).create();

		for (String typed : new String[] { invited, guests.userIdOf(invited) }) {
			MockJourney journey = journey("en-US");
			assertThat(journey.identify(typed).getResponse().getRedirectedUrl()).isEqualTo("/reset/method");
			ResetFlow flow = journey.flow();
			// Fabrikam's policy (one method, email allowed), not Contoso's (two): the home member's account.
			assertThat(flow.tenant().orElseThrow().name()).isEqualTo("fabrikam");
			assertThat(flow.required()).isEqualTo(1);
			assertThat(flow.userPk()).isEqualTo(pk(member));
			assertThat(flow.subject()).isEqualTo(member);
			assertThat(flow.remainingOptions()).extracting(ResetFlow.MethodOption::maskedDestination)
					.containsExactly(dev.sspr.delivery.Masking.maskEmail("home-member@pasts.example"));
		}

		MockJourney journey = journey("en-US");
		journey.identify(guests.userIdOf(invited));
		journey.chooseMethod("email");
		journey.confirmDestination("home-member@pasts.example");
		journey.enterCode(journey.lastCode());
		assertThat(journey.newPassword(NEW_PASSWORD, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(jdbc.sql("select security_stamp from directory_user where user_id = ?").param(member)
				.query(Long.class).single()).isPositive();
	}

	@Test
	void whenGuestFromAnOutsideOrganizationThenSentThereWithTheInvitingTenantsTextAndLink() throws Exception {
		String guest = TestGuests.in(jdbc).contoso().fromOrganization("Northwind Traders").create();
		var before = jdbc.sql("select outside_guest_text, outside_guest_url from tenant where name = 'contoso'")
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		jdbc.sql("update tenant set outside_guest_text = ?, outside_guest_url = ? where name = 'contoso'")
				.params("Partners reset with their own helpdesk.", "https://myaccount.northwind.example/reset").update();
		try {
			MockJourney journey = journey("en-US");
			assertThat(journey.identify(guest).getResponse().getRedirectedUrl()).isEqualTo("/reset/elsewhere");
			String page = body(journey.getPage("/reset/elsewhere"));
			assertThat(page).contains("Reset your password with your own organization", "Northwind Traders",
					"Partners reset with their own helpdesk.", "href=\"https://myaccount.northwind.example/reset\"");
			// Nothing later in the wizard is reachable from here.
			assertThat(journey.getPage("/reset/method").getResponse().getRedirectedUrl()).isEqualTo("/reset/elsewhere");
			assertThat(audit.forSubject(TestGuests.in(jdbc).contoso().userIdOf(guest), 1)).first()
					.satisfies(entry -> assertThat(entry.reason()).isEqualTo("OUTSIDE_HOME"));
		}
		finally {
			jdbc.sql("update tenant set outside_guest_text = ?, outside_guest_url = ? where name = 'contoso'")
					.params(before[0], before[1]).update();
		}
	}

	@Test
	void whenSignUpUserThenOneEmailCodeToTheAddressTheySignedUpWithEvenWhereMembersNeedTwo() throws Exception {
		String signUp = TestGuests.in(jdbc).contoso().signUp().create();
		MockJourney journey = journey("en-US");
		journey.identify(signUp);
		assertThat(journey.flow().required()).isEqualTo(1);
		assertThat(journey.flow().remainingOptions()).extracting(ResetFlow.MethodOption::kind)
				.containsExactly(dev.sspr.policy.MethodKind.EMAIL);

		journey.chooseMethod("email");
		journey.confirmDestination(signUp);
		assertThat(outbox.entries().get(0).message().destination()).isEqualTo(signUp);
		journey.enterCode(journey.lastCode());
		assertThat(journey.newPassword(NEW_PASSWORD, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(audit.forSubject(TestGuests.in(jdbc).contoso().userIdOf(signUp), 20))
				.extracting(AuditEntry::eventType).contains("PASSWORD_RESET");
	}

	@Test
	void whenInvitedGuestWithoutAHomeRedeemedThenResetsWithTheRedeemedAddress() throws Exception {
		String guest = TestGuests.in(jdbc).fabrikam().create();
		MockJourney journey = journey("lv");
		journey.identify(guest);
		journey.chooseMethod("email");
		journey.confirmDestination(guest);
		journey.enterCode(journey.lastCode());
		assertThat(journey.newPassword(NEW_PASSWORD, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
	}

	@Test
	void whenInvitationNotRedeemedThenRefusedLikeAnyoneWithoutMethods() throws Exception {
		String guest = TestGuests.in(jdbc).contoso().notRedeemed().create();
		MockJourney journey = journey("en-US");
		assertThat(journey.identify(guest).getResponse().getRedirectedUrl()).isEqualTo("/reset/contact-admin");
		assertThat(audit.forSubject(TestGuests.in(jdbc).contoso().userIdOf(guest), 1)).first()
				.satisfies(entry -> assertThat(entry.reason()).isEqualTo("NOT_ENOUGH_METHODS"));
	}

	@Test
	void whenTenantTurnsExternalResetOffThenSignUpUsersAreRefused() throws Exception {
		String signUp = TestGuests.in(jdbc).contoso().signUp().create();
		jdbc.sql("update sspr_policy set external_users_reset = false where tenant_id = (select id from tenant where name = 'contoso')").update();
		try {
			MockJourney journey = journey("en-US");
			assertThat(journey.identify(signUp).getResponse().getRedirectedUrl()).isEqualTo("/reset/contact-admin");
			assertThat(audit.forSubject(TestGuests.in(jdbc).contoso().userIdOf(signUp), 1)).first()
					.satisfies(entry -> assertThat(entry.reason()).isEqualTo("NOT_ENABLED"));
		}
		finally {
			jdbc.sql("update sspr_policy set external_users_reset = true where tenant_id = (select id from tenant where name = 'contoso')").update();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "someone@outlook.com", "Someone@Hotmail.com", "x.y@gmail.com", "a@icloud.com" })
	void whenConsumerDomainThenProviderRecoveryPageNeverTheFlow(String userId) throws Exception {
		MockJourney journey = journey("en-US");
		assertThat(journey.identify(userId).getResponse().getRedirectedUrl()).isEqualTo("/reset/elsewhere");
		String page = body(journey.getPage("/reset/elsewhere"));
		assertThat(page).contains("This is a personal account")
				.containsAnyOf("https://account.live.com/password/reset", "https://accounts.google.com/signin/recovery",
						"https://iforgot.apple.com/");
		assertThat(journey.flow().refused()).isFalse();
		assertThat(journey.flow().remainingOptions()).isEmpty();
	}

	@Test
	void whenConsumerAccountIsAGuestThenTheSamePageAsAnyAddressOfThatDomain() throws Exception {
		String guest = TestGuests.in(jdbc).contoso().withAddress("guest-" + System.nanoTime() + "@outlook.com").create();
		MockJourney asGuest = journey("en-US");
		MockJourney nobody = journey("en-US");
		MvcResult a = asGuest.identify(guest);
		MvcResult b = nobody.identify("nobody-at-all@outlook.com");

		assertThat(a.getResponse().getStatus()).isEqualTo(b.getResponse().getStatus());
		assertThat(a.getResponse().getRedirectedUrl()).isEqualTo(b.getResponse().getRedirectedUrl());
		assertThat(body(asGuest.getPage("/reset/elsewhere"))).isEqualTo(body(nobody.getPage("/reset/elsewhere")));

		// Typed by its guest name in Contoso's domain, it is still a personal account: never the flow.
		MockJourney byGuestName = journey("en-US");
		assertThat(byGuestName.identify(TestGuests.in(jdbc).contoso().userIdOf(guest)).getResponse().getRedirectedUrl())
				.isEqualTo("/reset/elsewhere");
		assertThat(body(byGuestName.getPage("/reset/elsewhere"))).isEqualTo(body(nobody.getPage("/reset/elsewhere")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tr", "lv" })
	void whenElsewherePagesInTurkishOrLatvianThenTranslated(String language) throws Exception {
		Locale locale = Locale.forLanguageTag(language);
		MockJourney consumer = journey(language);
		consumer.identify("someone@outlook.com");
		assertThat(body(consumer.getPage("/reset/elsewhere")))
				.contains(escaped(messages.getMessage("reset.elsewhere.consumer.heading", null, locale)))
				.doesNotContain("This is a personal account");

		String guest = TestGuests.in(jdbc).contoso().fromOrganization("Northwind Traders").create();
		MockJourney outside = journey(language);
		outside.identify(guest);
		assertThat(body(outside.getPage("/reset/elsewhere")))
				.contains(escaped(messages.getMessage("reset.elsewhere.outside.heading", null, locale)))
				.doesNotContain("Reset your password with your own organization");
	}

	private long pk(String userId) {
		return jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
