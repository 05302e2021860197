package dev.sspr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"alex.wilber@personal.example | a*****@p*****.example",
			"a@contoso.com                | a*****@c*****.com",
			"ayşe@posta.example           | a*****@p*****.example",
			"no-at-sign                   | *****" })
	void whenEmailMaskedThenFirstLettersAndTopLevelDomainOnly(String email, String masked) {
		assertThat(Masking.maskEmail(email)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"+1 555 010 0101  | *********01",
			"+90 (532) 000-00-12 | **********12",
			"7                | **" })
	void whenPhoneMaskedThenLastTwoDigitsOnly(String phone, String masked) {
		assertThat(Masking.maskPhone(phone)).isEqualTo(masked);
	}
}
