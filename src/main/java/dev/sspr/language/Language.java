package dev.sspr.language;

import java.util.Locale;

/**
 * One language of the portal.
 *
 * @param tag the BCP 47 tag used in {@code ?mkt=}, the language cookie, {@code lang} attributes and the
 *     tenant's settings ({@code pt-BR}, {@code zh-TW}, {@code sr-Latn})
 * @param autonym the language's name in itself, as the language picker shows it
 * @param rightToLeft whether its script is written right to left
 */
public record Language(String tag, String autonym, boolean rightToLeft) {

	/** The locale the message bundles are looked up with: {@code messages_pt_BR}, {@code messages_sr_Latn}. */
	public Locale locale() {
		return Locale.forLanguageTag(tag);
	}

	/** {@code rtl} or {@code ltr}, for the {@code dir} attribute. */
	public String direction() {
		return rightToLeft ? "rtl" : "ltr";
	}

	/** The suffix of this language's bundle files: {@code de}, {@code pt_BR}, {@code zh_TW}, {@code sr_Latn}. */
	public String bundleSuffix() {
		Locale locale = locale();
		StringBuilder suffix = new StringBuilder(locale.getLanguage());
		if (!locale.getScript().isEmpty()) {
			suffix.append('_').append(locale.getScript());
		}
		if (!locale.getCountry().isEmpty()) {
			suffix.append('_').append(locale.getCountry());
		}
		return suffix.toString();
	}
}
