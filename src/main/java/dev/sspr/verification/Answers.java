package dev.sspr.verification;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalizes security answers before hashing and comparing (R-17, S-23): NFKC, trimmed, inner
 * spaces collapsed, case folded (Turkish dotted and dotless i fold to one letter).
 */
public final class Answers {

	private Answers() {
	}

	public static String normalize(String answer) {
		String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
		text = text.replace('İ', 'i').replace('ı', 'i').replace('I', 'i');
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
	}
}
