package dev.sspr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

	static final PasswordPolicy POLICY = new PasswordPolicy();
	static final PasswordContext ALEX = new PasswordContext("alex@contoso.example", "Alex Wilber", "Alex", "Wilber",
			"Contoso", Set.of("blank"));

	static List<String> keys(String password) {
		return POLICY.check(password, ALEX).stream().map(PasswordViolation::messageKey).toList();
	}

	@Test
	void whenEntraExamplesThenSameVerdicts() {
		BannedPasswords banned = BannedPasswords.of(List.of("contoso", "blank"));
		// S-41, Microsoft's published examples.
		assertThat(banned.refuses("C0ntos0Blank12", List.of())).isTrue();
		assertThat(banned.refuses("ContoS0Bl@nkf9!", List.of())).isFalse();
	}

	@Test
	void whenGoodPassphraseThenNoViolation() {
		assertThat(keys("Orbit-Maple-Tundra-42")).isEmpty();
		assertThat(keys("Çığ düşen dağ 7 kez!")).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"Ab1!, password.rule.tooShort",
			"alllowercaseletters, password.rule.characterClasses",
			"Xq7!alexRocks, password.rule.personal",
			"Wilber#Moon-Rise9, password.rule.personal",
			"P@ssw0rd!!, password.rule.banned",
			"Password1, password.rule.banned",
			"Blank!Blank, password.rule.banned",
			"Contoso!1, password.rule.banned" })
	void whenPasswordBreaksRuleThenThatRuleIsNamed(String password, String expected) {
		assertThat(keys(password)).contains(expected);
	}

	@Test
	void whenTooLongThenTooLongOnly() {
		String longOne = "Aa1!".repeat(65);
		assertThat(keys(longOne)).containsExactly("password.rule.tooLong");
	}

	@Test
	void whenLengthCountedThenCodePointsAfterNfkc() {
		// Eight emoji are 16 UTF-16 units but 8 code points: long enough, and symbols count as a class.
		String eight = "Aa1" + "😀😀😀😀😀";
		assertThat(keys(eight)).doesNotContain("password.rule.tooShort", "password.rule.tooLong");
	}

	@Test
	void whenTurkishLettersThenCountedAsUpperAndLower() {
		// Ş and ğ are letters outside ASCII; they must count as upper and lower case.
		assertThat(keys("ŞĞÜÇÖ123 çğüöş")).doesNotContain("password.rule.characterClasses");
	}

	@Test
	void whenNormalizedThenSubstitutionsUndone() {
		assertThat(BannedPasswords.normalize("P@$$w0rd1")).isEqualTo("passwordl");
		assertThat(BannedPasswords.normalize("İSTANBUL")).isEqualTo("istanbul");
	}

	@Test
	void whenEditDistanceThenOneEditOnly() {
		assertThat(BannedPasswords.withinOneEdit("password", "passwxrd")).isTrue();
		assertThat(BannedPasswords.withinOneEdit("password", "passwor")).isTrue();
		assertThat(BannedPasswords.withinOneEdit("password", "passwords")).isTrue();
		assertThat(BannedPasswords.withinOneEdit("password", "pasword1")).isFalse();
		assertThat(BannedPasswords.withinOneEdit("password", "drowssap")).isFalse();
	}

	@Test
	void whenShippedListLoadedThenItHasHundredsOfTerms() {
		assertThat(BannedPasswords.shipped().size()).isGreaterThan(300);
	}
}
