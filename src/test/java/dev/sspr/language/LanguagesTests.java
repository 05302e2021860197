package dev.sspr.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language table: every language's bundles are found by Spring's (that is, Java's) resource
 * bundle lookup under the locale the portal resolves to, and right-to-left languages are marked.
 */
class LanguagesTests {

	/** Exposes the lookup Spring uses, with the portal's settings. */
	static final class Lookup extends PortalMessageSource {

		ResourceBundle bundle(String basename, Locale locale) {
			return getResourceBundle(basename, locale);
		}
	}

	static Stream<Language> languages() {
		return Languages.ALL.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("languages")
	void whenALanguageIsLookedUpThenItsOwnBundlesAreFound(Language language) {
		Lookup lookup = new Lookup();
		for (String basename : new String[] { "messages", "questions" }) {
			ResourceBundle bundle = lookup.bundle(basename, language.locale());
			String expected = language.equals(Languages.ENGLISH) ? "" : language.locale().toString();
			assertThat(bundle.getLocale().toString()).as(basename + " for " + language.tag()).isEqualTo(expected);
		}
	}

	@Test
	void whenRightToLeftLanguagesAreListedThenTheyAreArabicAndHebrewOnly() {
		assertThat(Languages.ALL.stream().filter(Language::rightToLeft).map(Language::tag)).containsExactlyInAnyOrder("ar", "he");
		assertThat(Languages.rightToLeft(Locale.forLanguageTag("ar-EG"))).isTrue();
		assertThat(Languages.rightToLeft(new Locale("iw"))).isTrue();
		assertThat(Languages.rightToLeft(Locale.forLanguageTag("he"))).isTrue();
		assertThat(Languages.rightToLeft(Locale.forLanguageTag("de"))).isFalse();
		assertThat(Languages.byTag("ar").orElseThrow().direction()).isEqualTo("rtl");
	}

	@Test
	void whenTheTableIsReadThenTagsAreUniqueAndEachNameIsItsOwn() {
		assertThat(Languages.ALL).extracting(Language::tag).doesNotHaveDuplicates();
		assertThat(Languages.ALL).extracting(Language::autonym).doesNotHaveDuplicates().doesNotContainNull();
		assertThat(Languages.byTag("ZH-tw")).isEqualTo(Languages.byTag("zh-TW"));
		assertThat(new Language("sr-Latn", "Srpski", false).bundleSuffix()).isEqualTo("sr_Latn");
		assertThat(new Language("pt-BR", "Português", false).bundleSuffix()).isEqualTo("pt_BR");
		assertThat(new Language("zh-TW", "中文", false).bundleSuffix()).isEqualTo("zh_TW");
	}
}
