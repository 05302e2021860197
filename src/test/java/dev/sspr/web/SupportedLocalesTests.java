package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** which language a browser, a {@code ?mkt=} or a tenant's settings lead to. */
class SupportedLocalesTests {

	static Language language(String tag) {
		return Languages.byTag(tag).orElseThrow(() -> new AssertionError(tag + " is not supported"));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"zh-CN, zh-CN", "zh-SG, zh-CN", "zh-Hans, zh-CN", "zh-Hans-HK, zh-CN", "zh, zh-CN", "zh_CN, zh-CN",
			"zh-TW, zh-TW", "zh-HK, zh-TW", "zh-MO, zh-TW", "zh-Hant, zh-TW", "zh-Hant-CN, zh-TW",
			"no, nb", "nn, nb", "nb, nb", "nb-NO, nb", "no-NO, nb",
			"pt, pt-BR", "pt-BR, pt-BR", "pt-PT, pt-PT", "pt-AO, pt-PT", "pt-MZ, pt-PT",
			"sr, sr-Latn", "sr-Latn, sr-Latn", "sr-RS, sr-Latn", "sr-Latn-RS, sr-Latn", "sr-Cyrl, sr-Latn", "sh, sr-Latn",
			"iw, he", "he-IL, he", "in, id", "id-ID, id", "ms-MY, ms", "ms, ms",
			"de-AT, de", "de-CH, de", "fr-CA, fr", "es-419, es", "en-GB, en", "tr-TR, tr", "lv-LV, lv",
			"ar-EG, ar", "ar-SA, ar", "ja-JP, ja", "ko-KR, ko", "th-TH, th", "hi-IN, hi", "fi-FI, fi", "kk-KZ, kk",
			"el-GR, el", "vi-VN, vi", "ca-ES, ca", "uk-UA, uk", "et-EE, et", "sl-SI, sl", "hr-HR, hr"
	})
	void whenARegionalOrLegacyTagIsAskedForThenItsLanguageIsChosen(String asked, String expected) {
		assertThat(SupportedLocales.language(asked)).contains(language(expected));
		assertThat(SupportedLocales.match(asked).toLanguageTag()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → English")
	@CsvSource(delimiter = '|', value = { "''", "xx", "*", "fa-IR", "de;q=0", "<script>", "1234", "-", "zh-", ";q=1", ";;;,,,q=", ";", ",", "de;;q=0" })
	void whenNothingSupportedIsAskedForThenEnglish(String asked) {
		assertThat(SupportedLocales.match(asked)).isEqualTo(SupportedLocales.FALLBACK);
	}

	@Test
	void whenWeightsAreGivenThenTheHighestSupportedWins() {
		assertThat(SupportedLocales.match("fa;q=1, de;q=0.3, fi;q=0.8, en;q=0.5").toLanguageTag()).isEqualTo("fi");
		assertThat(SupportedLocales.preferences("fr;q=0.2, ja, zh-HK;q=0.9, ja-JP;q=0.5"))
				.containsExactly(language("ja"), language("zh-TW"), language("fr"));
		// Equal weights keep the browser's order; a range refused with q=0 is never chosen.
		assertThat(SupportedLocales.match("ar, he").toLanguageTag()).isEqualTo("ar");
		assertThat(SupportedLocales.match("de;q=0, nl;q=0.1").toLanguageTag()).isEqualTo("nl");
		assertThat(SupportedLocales.match("de;q=abc, nl;q=0.1").toLanguageTag()).isEqualTo("nl");
	}

	@Test
	void whenAHugeHeaderIsSentThenItIsReadWithoutFailing() {
		String header = "xx;q=0.9, ".repeat(10_000) + "de";
		assertThat(SupportedLocales.match(header)).isEqualTo(SupportedLocales.FALLBACK);
		assertThat(SupportedLocales.match("de, " + header).toLanguageTag()).isEqualTo("de");
	}

	@Test
	void whenTheTenantOffersSomeLanguagesThenThePreferredOfThoseElseItsDefaultElseEnglish() {
		List<Language> offered = List.of(language("en"), language("fr"), language("ar"));
		List<Language> german = SupportedLocales.preferences("de-DE, fr;q=0.5");
		assertThat(SupportedLocales.match(german, offered, language("ar")).toLanguageTag())
				.as("the browser's second choice is offered").isEqualTo("fr");
		assertThat(SupportedLocales.match(SupportedLocales.preferences("de, ja"), offered, language("ar")).toLanguageTag())
				.as("nothing the browser asks for is offered: the tenant's default").isEqualTo("ar");
		assertThat(SupportedLocales.match(SupportedLocales.preferences("de"), offered, null).toLanguageTag())
				.as("no default: English").isEqualTo("en");
		assertThat(SupportedLocales.match(SupportedLocales.preferences("de"), List.of(language("ja"), language("ko")), null)
				.toLanguageTag()).as("neither a default nor English offered: the first offered").isEqualTo("ja");
		assertThat(SupportedLocales.match(german, null, null).toLanguageTag())
				.as("no tenant yet: every language").isEqualTo("de");
	}
}
