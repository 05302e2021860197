package dev.sspr.policy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for comparing a password with names and banned terms (R-30, S-41): {@code Berzins}
 * must meet {@code Bērziņš} and {@code Yılmaz} meet {@code Yilmaz}, whichever side has the marks.
 * Unicode decomposition takes the marks off most letters; the few letters that do not decompose
 * (Turkish dotless ı, ø, æ, ß, đ, ł and their kin) are spelled out the way people type them
 * without a national keyboard.
 */
final class Diacritics {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Diacritics() {
	}

	/** Lower case, without diacritics; compatibility forms (full-width, ligatures) decomposed too. */
	static String fold(String text) {
		// Lower-casing after decomposing turns İ into i plus a dot, which goes with the other marks.
		String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT))
				.replaceAll("");
		StringBuilder out = new StringBuilder(bare.length());
		bare.codePoints().forEach(cp -> out.append(switch (cp) {
			case 'ı' -> "i";
			case 'ø' -> "o";
			case 'æ' -> "ae";
			case 'œ' -> "oe";
			case 'ß' -> "ss";
			case 'đ', 'ð' -> "d";
			case 'ł' -> "l";
			case 'þ' -> "th";
			case 'ħ' -> "h";
			case 'ŧ' -> "t";
			default -> Character.toString(cp);
		}));
		return out.toString();
	}
}
