package dev.sspr.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Keys that must survive a restart: configured outside dev, generated only in dev (S-25). */
class KeysTests {

	static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	static MockEnvironment allKeys() {
		MockEnvironment environment = new MockEnvironment();
		for (Keys.Key key : Keys.Key.values()) {
			environment.setProperty(key.property(), KEY);
		}
		return environment;
	}

	@Test
	void whenNoKeyIsSetOutsideDevThenStartUpStopsNamingEveryKeyButNoValue() {
		assertThatThrownBy(() -> new Keys(new MockEnvironment().withProperty("spring.profiles.active", "postgres")))
				.isInstanceOfSatisfying(MissingSettingException.class, ex -> assertThat(ex.problems()).containsExactly(
						"sspr.verification.totp-key is not set", "sspr.verification.code-key is not set",
						"sspr.delivery.outbox-key is not set", "sspr.captcha.hmac-key is not set"));
	}

	@Test
	void whenAKeyIsMalformedThenItIsNamedAndItsValueIsNotRepeated() {
		MockEnvironment environment = allKeys().withProperty("sspr.delivery.outbox-key", "c2hvcnQ=")
				.withProperty("sspr.captcha.hmac-key", "not base64 at all!");

		assertThatThrownBy(() -> new Keys(environment)).isInstanceOfSatisfying(MissingSettingException.class, ex -> {
			assertThat(ex.problems()).containsExactly("sspr.delivery.outbox-key is not a base64 value of 32 bytes",
					"sspr.captcha.hmac-key is not a base64 value of 32 bytes");
			assertThat(ex.getMessage() + ex.action()).doesNotContain("c2hvcnQ=", "not base64 at all!");
		});
	}

	@Test
	void whenEveryKeyIsSetThenEachIsItsConfiguredValue() {
		Keys keys = new Keys(allKeys());

		for (Keys.Key key : Keys.Key.values()) {
			assertThat(keys.key(key)).isEqualTo(Base64.getDecoder().decode(KEY));
		}
	}

	@Test
	void whenDevProfileThenMissingKeysAreGeneratedForThatRun() {
		Keys keys = new Keys(new MockEnvironment().withProperty("spring.profiles.active", "dev"));

		assertThat(keys.key(Keys.Key.TOTP)).hasSize(32).isNotEqualTo(keys.key(Keys.Key.CODES));
		assertThat(new Keys(new MockEnvironment().withProperty("spring.profiles.active", "dev")).key(Keys.Key.TOTP))
				.isNotEqualTo(keys.key(Keys.Key.TOTP));
	}
}
