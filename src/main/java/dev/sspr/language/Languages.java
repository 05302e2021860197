package dev.sspr.language;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every language the portal is complete in, with its own name: the one table the language
 * picker, the console's language settings and the bundle tests read. A language is listed here only
 * once its {@code messages_*} and {@code questions_*} bundles are complete.
 */
public final class Languages {

	public static final Language ENGLISH = new Language("en", "English", false);

	/** In the picker's order: by autonym, Latin scripts first (the Unicode collation's order of scripts). */
	public static final List<Language> ALL;

	private static final Map<String, Language> BY_TAG;

	static {
		Collator collator = Collator.getInstance(Locale.ROOT);
		ALL = Stream.of(ENGLISH,
				new Language("tr", "Türkçe", false),
				new Language("lv", "Latviešu", false),
				new Language("de", "Deutsch", false),
				new Language("nl", "Nederlands", false),
				new Language("da", "Dansk", false),
				new Language("sv", "Svenska", false),
				new Language("nb", "Norsk bokmål", false),
				new Language("fi", "Suomi", false),
				new Language("fr", "Français", false),
				new Language("es", "Español", false),
				new Language("ca", "Català", false),
				new Language("it", "Italiano", false),
				new Language("pt-BR", "Português (Brasil)", false),
				new Language("pt-PT", "Português (Portugal)", false),
				new Language("ro", "Română", false),
				new Language("pl", "Polski", false),
				new Language("cs", "Čeština", false),
				new Language("sk", "Slovenčina", false),
				new Language("hu", "Magyar", false),
				new Language("et", "Eesti", false),
				new Language("ru", "Русский", false),
				new Language("uk", "Українська", false),
				new Language("bg", "Български", false),
				new Language("kk", "Қазақ тілі", false),
				new Language("lt", "Lietuvių", false),
				new Language("hr", "Hrvatski", false),
				new Language("sl", "Slovenščina", false),
				new Language("sr-Latn", "Srpski (latinica)", false),
				new Language("el", "Ελληνικά", false),
				new Language("id", "Bahasa Indonesia", false),
				new Language("ms", "Bahasa Melayu", false),
				new Language("ja", "日本語", false),
				new Language("ko", "한국어", false),
				new Language("zh-CN", "中文（简体）", false),
				new Language("zh-TW", "中文（繁體）", false),
				new Language("vi", "Tiếng Việt", false),
				new Language("ar", "العربية", true),
				new Language("he", "עברית", true),
				new Language("hi", "हिन्दी", false),
				new Language("th", "ไทย", false))
				.sorted(Comparator.comparing(Language::autonym, collator))
				.toList();
		BY_TAG = ALL.stream().collect(Collectors.toUnmodifiableMap(l -> l.tag().toLowerCase(Locale.ROOT), Function.identity()));
	}

	private Languages() {
	}

	/** The language with exactly this tag (any case), if the portal speaks it. */
	public static Optional<Language> byTag(String tag) {
		return tag == null ? Optional.empty() : Optional.ofNullable(BY_TAG.get(tag.toLowerCase(Locale.ROOT)));
	}

	/** The portal's language for one of its own locales (as resolved); English for anything else. */
	public static Language of(Locale locale) {
		return locale == null ? ENGLISH : byTag(locale.toLanguageTag()).orElse(ENGLISH);
	}

	/**
	 * Whether text in this locale runs right to left; by script family, so that a locale the portal
	 * does not list (a tenant's old setting, a test) still gets the right direction.
	 */
	public static boolean rightToLeft(Locale locale) {
		if (locale == null) {
			return false;
		}
		return switch (locale.getLanguage()) {
			case "ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv", "ckb" -> true;
			default -> "Arab".equals(locale.getScript()) || "Hebr".equals(locale.getScript());
		};
	}
}
