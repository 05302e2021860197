package dev.sspr.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sspr.secrets.MissingSettingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relying party's settings as start-up checks them: a wrong value fails start-up, naming the setting. */
class RelyingPartySettingsTests {

	static WebAuthnProperties properties(String rpId, String... origins) {
		return new WebAuthnProperties(rpId, "Self-service password reset", List.of(origins), Duration.ofMinutes(2), 10);
	}

	static List<String> problems(WebAuthnProperties properties, String publicUrl) {
		try {
			RelyingPartySettings.of(properties, publicUrl);
		}
		catch (MissingSettingException ex) {
			return ex.problems();
		}
		throw new AssertionError("accepted: " + properties + " with public URL " + publicUrl);
	}

	@Test
	void whenRpIdIsUnsetThenItIsThePublicUrlsHostAndItsOriginTheOneAllowed() {
		RelyingPartySettings settings = RelyingPartySettings.of(properties(null), "https://SSPR.Example.com/portal");

		assertThat(settings.rpId()).isEqualTo("sspr.example.com");
		assertThat(settings.origins()).containsExactly("https://sspr.example.com");
		assertThat(settings.anyLocalhostPort()).isFalse();
		assertThat(settings.allows("https://sspr.example.com")).isTrue();
		assertThat(settings.allows("https://sspr.example.com:8443")).isFalse();
		assertThat(settings.allows("http://sspr.example.com")).isFalse();
	}

	@Test
	void whenRpIdAndOriginsAreSetThenTheyWinOverThePublicUrl() {
		RelyingPartySettings settings = RelyingPartySettings.of(
				properties("example.com", "https://sspr.example.com", "https://login.example.com:8443"),
				"https://elsewhere.example.org");

		assertThat(settings.rpId()).isEqualTo("example.com");
		assertThat(settings.allows("https://login.example.com:8443")).isTrue();
		assertThat(settings.allows("https://elsewhere.example.org")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.5", "127.0.0.1", "::1", "[::1]", "https://sspr.example.com", "sspr.example.com:443",
			"sspr.example.com/reset", "SSPR.example.com", "Localhost", "sspr.example.com.", "sspr_example.com" })
	void whenTheRpIdIsNotALowerCaseDomainThenStartUpFailsNamingIt(String rpId) {
		assertThat(problems(properties(rpId, "https://sspr.example.com"), null))
				.anySatisfy(problem -> assertThat(problem).startsWith("sspr.webauthn.rp-id"));
	}

	@Test
	void whenThePublicUrlIsAnIpAddressThenStartUpFailsNamingTheRpId() {
		assertThat(problems(properties(null), "https://10.0.0.5"))
				.anySatisfy(problem -> assertThat(problem).startsWith("sspr.webauthn.rp-id"));
	}

	@Test
	void whenAnOriginUsesHttpForAHostOtherThanLocalhostThenStartUpFailsNamingIt() {
		assertThat(problems(properties("sspr.example.com", "http://sspr.example.com"), null))
				.containsExactly("sspr.webauthn.allowed-origins: an origin must use https (http only for localhost)");
		assertThat(problems(properties(null), "http://sspr.example.com"))
				.containsExactly("sspr.webauthn.allowed-origins: an origin must use https (http only for localhost)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com", "https://evil-sspr.example.com", "https://sspr.example.com.evil.example",
			"https://other.example" })
	void whenAnOriginIsOutsideTheRpIdThenStartUpFailsNamingIt(String origin) {
		assertThat(problems(properties("sspr.example.com", origin), null)).containsExactly(
				"sspr.webauthn.allowed-origins: an origin's host must be the rp-id or one of its subdomains");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://sspr.example.com/", "https://sspr.example.com/reset", "https://user@sspr.example.com",
			"https://sspr.example.com?x=1", "sspr.example.com", "https://SSPR.example.com" })
	void whenAnOriginIsMoreOrLessThanSchemeHostAndPortThenStartUpFailsNamingIt(String origin) {
		assertThat(problems(properties("sspr.example.com", origin), null))
				.anySatisfy(problem -> assertThat(problem).startsWith("sspr.webauthn.allowed-origins"));
	}

	@Test
	void whenAnyLocalhostPortIsAllowedWithRpIdLocalhostThenEveryLocalhostPortAndNothingElseIsAllowed() {
		RelyingPartySettings settings = RelyingPartySettings.of(properties("localhost", "http://localhost:*"), null);

		assertThat(settings.anyLocalhostPort()).isTrue();
		assertThat(settings.allows("http://localhost:8080")).isTrue();
		assertThat(settings.allows("http://localhost:41234")).isTrue();
		assertThat(settings.allows("http://localhost")).isTrue();
		assertThat(settings.allows("http://127.0.0.1:8080")).isFalse();
		assertThat(settings.allows("http://localhost.evil.example:8080")).isFalse();
		assertThat(settings.allows("https://localhost:8080")).isFalse();
		assertThat(settings.allows("http://localhost:8080/")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sspr.example.com", "example.com" })
	void whenAnyLocalhostPortIsAllowedWithAnotherRpIdThenStartUpFailsNamingIt(String rpId) {
		assertThat(problems(properties(rpId, "https://sspr.example.com", "http://localhost:*"), null)).containsExactly(
				"sspr.webauthn.allowed-origins may hold http://localhost:* only when the rp-id is localhost");
	}

	@Test
	void whenNothingIsSetThenStartUpFailsNamingTheRpIdAndThePublicUrl() {
		assertThatThrownBy(() -> RelyingPartySettings.of(properties(null), null))
				.isInstanceOfSatisfying(MissingSettingException.class, ex -> {
					assertThat(ex.problems()).singleElement().asString().contains("sspr.webauthn.rp-id", "sspr.public-url");
					assertThat(ex.action()).contains("sspr.public-url", "sspr.webauthn.rp-id");
				});
		assertThatThrownBy(() -> RelyingPartySettings.of(properties("  "), " "))
				.isInstanceOf(MissingSettingException.class).hasMessageContaining("sspr.webauthn.rp-id");
	}

	@Test
	void whenOnlyTheRpIdIsSetThenStartUpFailsAsNoOriginIsAllowed() {
		assertThat(problems(properties("sspr.example.com"), null))
				.anySatisfy(problem -> assertThat(problem).startsWith("sspr.webauthn.allowed-origins is empty"));
	}
}
