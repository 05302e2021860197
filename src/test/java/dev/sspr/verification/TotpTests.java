package dev.sspr.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sspr.secrets.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** RFC 6238 (SHA-1 vectors, last six digits) and the secret's encryption at rest. */
class TotpTests {

	static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037" })
	void whenRfc6238VectorThenSameCode(long epochSecond, String expected) {
		assertThat(Totp.codeAt(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(epochSecond)))).isEqualTo(expected);
	}

	@Test
	void whenStepComputedThenThirtySeconds() {
		assertThat(Totp.stepOf(Instant.ofEpochSecond(59))).isEqualTo(1);
		assertThat(Totp.stepOf(Instant.ofEpochSecond(60))).isEqualTo(2);
	}

	@Test
	void whenSecretEncryptedThenOnlyThatUserDecryptsIt() {
		SecretCipher cipher = new SecretCipher(new Keys(new MockEnvironment().withProperty("spring.profiles.active", "dev")
				.withProperty("sspr.verification.totp-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")));
		String stored = cipher.encrypt(RFC_SECRET, 7);

		assertThat(stored).doesNotContain("12345678901234567890");
		assertThat(cipher.decrypt(stored, 7)).isEqualTo(RFC_SECRET);
		assertThat(cipher.encrypt(RFC_SECRET, 7)).as("fresh IV each time").isNotEqualTo(stored);
		assertThatThrownBy(() -> cipher.decrypt(stored, 8)).isInstanceOf(IllegalStateException.class)
				.hasMessageNotContaining("1234");
	}
}
