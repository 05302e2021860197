package dev.sspr.web;

import java.util.List;
import java.util.Locale;

/** The languages the portal is complete in; anything else falls back to English. */
public final class SupportedLocales {

	public static final Locale FALLBACK = Locale.ENGLISH;
	public static final List<Locale> ALL = List.of(Locale.ENGLISH, Locale.forLanguageTag("tr"), Locale.forLanguageTag("lv"));

	private SupportedLocales() {
	}

	/** {@code tr-TR} → tr, {@code lv} → lv, {@code pt-BR} → pt → English. */
	public static Locale match(String languageRanges) {
		if (languageRanges == null || languageRanges.isBlank()) {
			return FALLBACK;
		}
		try {
			Locale found = Locale.lookup(Locale.LanguageRange.parse(languageRanges.replace('_', '-')), ALL);
			return found != null ? found : FALLBACK;
		}
		catch (IllegalArgumentException ex) {
			return FALLBACK;
		}
	}
}
