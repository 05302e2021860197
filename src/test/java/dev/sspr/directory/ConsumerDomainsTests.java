package dev.sspr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sspr.directory.ConsumerAccountsProperties.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consumer domains of R-03: the built-in providers, an operator's own, and start-up checks of both. */
class ConsumerDomainsTests {

	@Test
	void whenNothingConfiguredThenTheMajorProvidersAreKnownByDomainInAnyCase() {
		ConsumerDomains domains = new ConsumerDomains(new ConsumerAccountsProperties(true, List.of()));
		assertThat(domains.recoveryFor(" Someone@HOTMAIL.com ")).get()
				.satisfies(r -> assertThat(r.provider()).isEqualTo("Microsoft"))
				.satisfies(r -> assertThat(r.domain()).isEqualTo("hotmail.com"));
		assertThat(domains.recoveryFor("x@gmail.com")).get().extracting(ConsumerDomains.Recovery::url)
				.isEqualTo("https://accounts.google.com/signin/recovery");
		assertThat(domains.recoveryFor("alex@contoso.example")).isEmpty();
		// The domain must match whole: a look-alike sub-domain or suffix is not the provider's.
		assertThat(domains.recoveryFor("x@mail.outlook.com.evil.example")).isEmpty();
		assertThat(domains.recoveryFor("x@notoutlook.com")).isEmpty();
	}

	@Test
	void whenOperatorAddsAProviderThenItsDomainsCountAndMayReplaceADefault() {
		ConsumerDomains domains = new ConsumerDomains(new ConsumerAccountsProperties(true, List.of(
				new Provider("Inbox.lv", "https://www.inbox.lv/recovery", List.of("inbox.lv")),
				new Provider("Outlook (EU)", "https://example.eu/recover", List.of("Outlook.com")))));
		assertThat(domains.recoveryFor("janis@inbox.lv")).get().extracting(ConsumerDomains.Recovery::provider)
				.isEqualTo("Inbox.lv");
		assertThat(domains.recoveryFor("a@outlook.com")).get().extracting(ConsumerDomains.Recovery::provider)
				.isEqualTo("Outlook (EU)");
		assertThat(domains.recoveryFor("a@hotmail.com")).isPresent();
	}

	@Test
	void whenDefaultsTurnedOffThenOnlyTheOperatorsProvidersCount() {
		ConsumerDomains domains = new ConsumerDomains(new ConsumerAccountsProperties(false, List.of(
				new Provider("Inbox.lv", "https://www.inbox.lv/recovery", List.of("inbox.lv")))));
		assertThat(domains.recoveryFor("a@outlook.com")).isEmpty();
		assertThat(domains.recoveryFor("a@inbox.lv")).isPresent();
	}

	@Test
	void whenAProviderIsMisconfiguredThenThePortalDoesNotStartAndSaysWhichSetting() {
		assertThatIllegalStateException().isThrownBy(() -> withProvider(new Provider("X", "http://x.example/", List.of("x.example"))))
				.withMessageContaining("sspr.consumer-accounts.providers").withMessageContaining("https://");
		assertThatIllegalStateException().isThrownBy(() -> withProvider(new Provider("X", "javascript:alert(1)", List.of("x.example"))));
		assertThatIllegalStateException().isThrownBy(() -> withProvider(new Provider("X", "https://x.example/", List.of("not a domain"))))
				.withMessageContaining("not a domain");
		assertThatIllegalStateException().isThrownBy(() -> withProvider(new Provider(" ", "https://x.example/", List.of("x.example"))));
		assertThatIllegalStateException().isThrownBy(() -> withProvider(new Provider("X", "https://x.example/", List.of())));
	}

	private static ConsumerDomains withProvider(Provider provider) {
		return new ConsumerDomains(new ConsumerAccountsProperties(true, List.of(provider)));
	}
}
