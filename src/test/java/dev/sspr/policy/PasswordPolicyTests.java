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

	@ParameterizedTest(name = "{1} for {0}")
	@CsvSource({
			"Jānis Bērziņš, Berzins#2026x",
			"Ayşe Yılmaz, Yilmaz#2026x",
			"Ayşe Yılmaz, AYSE#2026x-Moon",
			// The reverse: the directory holds the name without diacritics, the password has them.
			"Janis Berzins, Bērziņš#2026x",
			"Ayse Yilmaz, Yılmaz#2026x",
			"Ayse Yilmaz, AYŞE#2026x-Moon",
			"Ilze Kalniņa, İLZE#2026x-Moon",
			// Letters that Unicode does not decompose into a base letter and a mark.
			"Søren Læssøe, Soren#2026x-Moon",
			"Łukasz Wałęsa, Walesa#2026x-Moon",
			"Đorđe Babić, Dorde#2026x-Moon",
			"Hans Großmann, Grossmann#2026x" })
	void whenNameTypedWithOrWithoutDiacriticsThenPersonal(String name, String password) {
		String[] parts = name.split(" ");
		PasswordContext context = new PasswordContext("someone@fabrikam.example", name, parts[0], parts[1], "Fabrikam",
				Set.of());
		assertThat(POLICY.check(password, context)).extracting(PasswordViolation::messageKey)
				.contains("password.rule.personal");
	}

	@Test
	void whenBannedTermTypedWithOrWithoutDiacriticsThenBanned() {
		BannedPasswords banned = BannedPasswords.of(List.of("çiçekçi", "blank"));
		// Each scores four points once folded (one term and three characters), fourteen or so without.
		assertThat(banned.refuses("Cicekci!12", List.of())).isTrue();
		assertThat(banned.refuses("Agac!12", List.of("ağaç"))).isTrue();
		assertThat(banned.refuses("Ağaç!12", List.of("agac"))).isTrue();
	}

	@Test
	void whenEntraExamplesCheckedByPolicyThenSameVerdicts() {
		PasswordContext contoso = new PasswordContext("alex@contoso.example", "Alex Wilber", "Alex", "Wilber", "Contoso",
				Set.of("contoso", "blank"));
		assertThat(POLICY.check("C0ntos0Blank12", contoso)).extracting(PasswordViolation::messageKey)
				.contains("password.rule.banned");
		assertThat(POLICY.check("ContoS0Bl@nkf9!", contoso)).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"Jānis Bērziņš, janis berzins",
			"Ayşe Yılmaz, ayse yilmaz",
			"İZMİR IŞIK, izmir isik",
			"Ķēniņš Ģirts Ļoti Ūdris Īve Čakste Šarlote Žanis, kenins girts loti udris ive cakste sarlote zanis",
			"Çağrı Gök Öz Ün, cagri gok oz un",
			"Søren Ærø Œuvre Straße Đorđe Łódź Þór Ðis, soren aero oeuvre strasse dorde lodz thor dis" })
	void whenFoldedThenDiacriticsAndCaseGone(String text, String folded) {
		assertThat(Diacritics.fold(text)).isEqualTo(folded);
	}

	@Test
	void whenShippedListLoadedThenItHasHundredsOfTerms() {
		assertThat(BannedPasswords.shipped().size()).isGreaterThan(300);
	}
}
