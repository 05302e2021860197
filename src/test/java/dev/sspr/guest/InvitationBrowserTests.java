package dev.sspr.guest;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.Axe;
import dev.sspr.BrowserTestSupport;
import dev.sspr.delivery.DevOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A guest opens their invitation's link in English, Turkish and Latvian, chooses a password on the
 * page and reads the confirmation in their language.
 */
class InvitationBrowserTests extends BrowserTestSupport {

	static final Pattern TOKEN = Pattern.compile("/invitation\\?token=([A-Za-z0-9_-]{43})");

	@Autowired
	Invitations invitations;

	@Autowired
	DevOutbox outbox;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	final List<String> invited = new ArrayList<>();

	@AfterEach
	void deleteGuests() {
		invited.forEach(address -> jdbc.sql("delete from directory_user where external_email = ?").param(address).update());
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "tr", "lv" })
	void whenGuestOpensTheLinkAndChoosesAPasswordThenTheConfirmationIsInTheirLanguage(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String address = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.example";
		invited.add(address);
		long contoso = jdbc.sql("select id from tenant where name = 'contoso'").query(Long.class).single();
		assertThat(invitations.invite(contoso, "adele@contoso.example", address, "Browser Guest", null))
				.isInstanceOf(Invitations.InviteResult.Invited.class);
		String body = outbox.entries().stream().map(DevOutbox.Entry::message).filter(m -> m.destination().equals(address))
				.findFirst().orElseThrow().body();
		Matcher token = TOKEN.matcher(body);
		assertThat(token.find()).isTrue();

		try (BrowserContext context = newContext(language, 420, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/invitation?token=" + token.group(1) + "&mkt=" + language));
			assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
			assertThat(page.locator("h1").textContent()).isEqualTo(
					messages.getMessage("invitation.heading", new Object[] { "Contoso" }, locale).replaceAll("[\\u2066-\\u2069]", ""));
			shot(page, "invitation-" + language + "-01-open");
			assertThat(Axe.violations(page)).as("the invitation's page").isEmpty();
			// Two passwords that differ: the message beside the field, in the page's language.
			page.fill("#newPassword", "Lantern-Fjord-Quartz-83");
			page.fill("#confirmPassword", "Lantern-Fjord-Quartz-84");
			page.click("button.primary");
			page.waitForSelector("#confirmPassword-error");
			assertThat(page.locator("#confirmPassword-error").textContent())
					.isEqualTo(messages.getMessage("password.rule.mismatch", null, locale));
			assertThat(Axe.violations(page)).as("the page with an error").isEmpty();
			page.fill("#newPassword", "Lantern-Fjord-Quartz-83");
			page.fill("#confirmPassword", "Lantern-Fjord-Quartz-83");
			page.click("button.primary");
			page.waitForSelector("h1:text-is(\"" + messages.getMessage("invitation.done.heading", null, locale) + "\")");
			shot(page, "invitation-" + language + "-02-accepted");
			assertThat(Axe.violations(page)).as("the confirmation").isEmpty();
			assertThat(errors).isEmpty();
		}
		assertThat(jdbc.sql("select proven_email from directory_user where external_email = ?").param(address)
				.query(String.class).single()).isEqualTo(address);
	}
}
