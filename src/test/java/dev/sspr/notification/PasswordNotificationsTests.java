package dev.sspr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.PortalTest;
import dev.sspr.delivery.Channel;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.delivery.OutgoingMessage;
import dev.sspr.registration.RegistrationActivity;
import dev.sspr.reset.ResetActivity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * with each switch on and off: who hears of a reset or a password change, at which
 * addresses, and that no notice carries a secret but each says what to do if it wasn't you.
 */
@PortalTest
class PasswordNotificationsTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	DevOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		outbox.clear();
	}

	@AfterEach
	void switchesBack() {
		switches("contoso", true, true);
		LocaleContextHolder.resetLocaleContext();
	}

	void switches(String tenant, boolean users, boolean admins) {
		jdbc.sql("update sspr_policy set notify_users = ?, notify_admins = ? where tenant_id = (select id from tenant where name = ?)")
				.params(users, admins, tenant).update();
	}

	long tenant(String name) {
		return jdbc.sql("select id from tenant where name = ?").param(name).query(Long.class).single();
	}

	void reset(String userId, String tenant) {
		events.publishEvent(new ResetActivity(ResetActivity.Kind.PASSWORD_RESET, true, tenant(tenant), userId, null,
				List.of(), "10.0.0.1", "flow"));
	}

	List<String> emailedTo() {
		return outbox.entries().stream().map(DevOutbox.Entry::message).filter(m -> m.channel() == Channel.EMAIL)
				.map(OutgoingMessage::destination).toList();
	}

	@Test
	void whenAUserResetsWithTheSwitchOnThenPrimaryAndAlternateAddressesHearOfIt() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("tr-TR"));
		reset("lucy@contoso.example", "contoso");
		assertThat(emailedTo()).containsExactlyInAnyOrder("lucy@contoso.example", "lucy.gray@mail.example");
		OutgoingMessage notice = outbox.entries().get(0).message();
		assertThat(notice.subject()).contains("Contoso").contains("parola");
		assertThat(notice.body()).contains("lucy@contoso.example").doesNotContain("Contoso#Demo-2026");
		assertThat(notice.html()).contains("helpdesk.contoso.example");
	}

	@Test
	void whenTheTenantHasItsOwnSenderAddressThenItsEmailsComeFromIt() {
		jdbc.sql("update tenant set mail_from = 'it@contoso.example' where name = 'contoso'").update();
		try {
			reset("lucy@contoso.example", "contoso");
			assertThat(outbox.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.message().from()).isEqualTo("it@contoso.example"));
		}
		finally {
			jdbc.sql("update tenant set mail_from = null where name = 'contoso'").update();
		}
	}

	@Test
	void whenTheUserSwitchIsOffThenNobodyIsToldOfAUsersReset() {
		switches("contoso", false, true);
		reset("lucy@contoso.example", "contoso");
		assertThat(outbox.entries()).isEmpty();
	}

	@Test
	void whenAnAdministratorResetsThenEveryOtherAdministratorHearsOfItAtTheirPrimaryAddress() {
		reset("adele@contoso.example", "contoso");
		assertThat(emailedTo()).contains("megan@contoso.example").contains("adele@contoso.example")
				.doesNotContain("alex@contoso.example");
		assertThat(outbox.entries()).filteredOn(e -> e.message().destination().equals("megan@contoso.example"))
				.singleElement().satisfies(e -> assertThat(e.message().body()).contains("Adele Vance"));
	}

	@Test
	void whenTheAdministratorSwitchIsOffThenOnlyTheAdministratorHerselfIsTold() {
		switches("contoso", true, false);
		reset("adele@contoso.example", "contoso");
		assertThat(emailedTo()).containsOnly("adele@contoso.example");
	}

	@Test
	void whenAPasswordIsChangedOnTheSecurityInfoPageThenTheUserIsToldButNoOtherAdministrator() {
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.PASSWORD_CHANGED, tenant("contoso"),
				"adele@contoso.example", "PASSWORD", true, null));
		assertThat(emailedTo()).containsOnly("adele@contoso.example");
	}

	@Test
	void whenAResetFailsOrIsOnlyAnUnlockThenNobodyIsTold() {
		events.publishEvent(new ResetActivity(ResetActivity.Kind.WRITE_FAILED, false, tenant("contoso"),
				"lucy@contoso.example", "x", List.of(), "10.0.0.1", "flow"));
		assertThat(outbox.entries()).isEmpty();
	}
}
