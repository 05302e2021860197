package dev.sspr.web;

import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the portal's languages a browser, a {@code ?mkt=} or a cookie asks for. Regional and
 * legacy tags map to the language a person with them reads: {@code zh-CN}, {@code zh-SG},
 * {@code zh-Hans} → Simplified Chinese; {@code zh-TW}, {@code zh-HK}, {@code zh-MO}, {@code zh-Hant}
 * → Traditional; {@code no}, {@code nn}, {@code nb} → Bokmål; {@code pt} → Brazilian unless European
 * or African Portuguese; {@code sr}, {@code sr-Latn}, {@code sr-RS}, {@code sh} → Serbian (Latin);
 * {@code iw} → Hebrew; {@code in} → Indonesian; {@code ms-MY} → Malay; any other region → its
 * language. {@code Accept-Language} weights are respected; a range with {@code q=0} is refused.
 */
public final class SupportedLocales {

	public static final Locale FALLBACK = Languages.ENGLISH.locale();
	/** Every language the portal speaks, as the locales its bundles are found under. */
	public static final List<Locale> ALL = Languages.ALL.stream().map(Language::locale).toList();

	/** More ranges than any browser sends are ignored, so a huge header costs nothing. */
	private static final int MAX_RANGES = 32;
	private static final Pattern TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
	/** Countries that write European Portuguese. */
	private static final Set<String> EUROPEAN_PORTUGUESE = Set.of("PT", "AO", "MZ", "CV", "GW", "ST", "TL");
	private static final Set<String> TRADITIONAL_CHINESE = Set.of("TW", "HK", "MO");

	private SupportedLocales() {
	}

	/** The best of all the portal's languages for these ranges, else English. */
	public static Locale match(String languageRanges) {
		return match(preferences(languageRanges), null, null);
	}

	/**
	 * The first preferred language that is offered; else the fallback (a tenant's default) when it is
	 * offered; else English when offered; else the first offered.
	 *
	 * @param preferred languages in order of preference, see {@link #preferences(String)}
	 * @param offered the languages a tenant offers, or null for all
	 * @param fallback the tenant's default, or null for English
	 */
	public static Locale match(List<Language> preferred, Collection<Language> offered, Language fallback) {
		Collection<Language> candidates = offered == null || offered.isEmpty() ? Languages.ALL : offered;
		for (Language language : preferred) {
			if (candidates.contains(language)) {
				return language.locale();
			}
		}
		if (fallback != null && candidates.contains(fallback)) {
			return fallback.locale();
		}
		if (candidates.contains(Languages.ENGLISH)) {
			return FALLBACK;
		}
		return candidates.iterator().next().locale();
	}

	/**
	 * The portal's languages an {@code Accept-Language} value (or one tag) asks for, most wanted first,
	 * each once. Malformed ranges are skipped, never an error (S-14).
	 */
	public static List<Language> preferences(String languageRanges) {
		List<Language> found = new ArrayList<>();
		if (languageRanges == null || languageRanges.isBlank()) {
			return found;
		}
		record Range(Language language, double weight, int position) {
		}
		List<Range> ranges = new ArrayList<>();
		String[] parts = languageRanges.split(",", MAX_RANGES + 1);
		for (int i = 0; i < Math.min(parts.length, MAX_RANGES); i++) {
			String[] bits = parts[i].split(";", -1);
			double weight = weight(bits);
			Optional<Language> language = language(bits[0].strip());
			if (weight > 0 && language.isPresent()) {
				ranges.add(new Range(language.get(), weight, i));
			}
		}
		ranges.sort(Comparator.comparingDouble(Range::weight).reversed().thenComparingInt(Range::position));
		for (Range range : ranges) {
			if (!found.contains(range.language())) {
				found.add(range.language());
			}
		}
		return found;
	}

	/** The portal's language for one tag ({@code zh-HK} → Traditional Chinese), if it speaks one. */
	public static Optional<Language> language(String tag) {
		if (tag == null || !TAG.matcher(tag.replace('_', '-')).matches()) {
			return Optional.empty();
		}
		Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
		String script = locale.getScript();
		String region = locale.getCountry();
		String canonical = switch (locale.getLanguage()) {
			case "iw" -> "he";
			case "in" -> "id";
			case "no", "nn", "nb" -> "nb";
			case "zh" -> "Hant".equals(script) || (!"Hans".equals(script) && TRADITIONAL_CHINESE.contains(region)) ? "zh-TW"
					: "zh-CN";
			case "pt" -> EUROPEAN_PORTUGUESE.contains(region) ? "pt-PT" : "pt-BR";
			case "sr", "sh" -> "sr-Latn";
			default -> locale.getLanguage();
		};
		return Languages.byTag(canonical);
	}

	private static double weight(String[] bits) {
		for (int i = 1; i < bits.length; i++) {
			String bit = bits[i].strip();
			if (bit.startsWith("q=") || bit.startsWith("Q=")) {
				try {
					double q = Double.parseDouble(bit.substring(2));
					return q >= 0 && q <= 1 ? q : 0;
				}
				catch (NumberFormatException ex) {
					return 0;
				}
			}
		}
		return 1;
	}
}
