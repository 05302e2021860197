package dev.sspr.language;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's messages ({@code messages_*} and {@code questions_*}, UTF-8, every message through
 * {@link java.text.MessageFormat}, so an apostrophe is always written twice). In a right-to-left
 * language each text argument (a code, an email address, a phone number, a user ID, an organization's
 * name) is wrapped in Unicode isolates (FSI … PDI): it keeps its own direction inside the sentence
 * instead of being reordered by it, on pages, in emails and in texts alike. Left-to-right languages
 * get the arguments untouched, so that a text message stays in the GSM alphabet. Numbers are left
 * as they are: a choice format needs them, and digits keep their order in any text.
 */
public class PortalMessageSource extends ResourceBundleMessageSource {

	/** FIRST STRONG ISOLATE: the argument's direction is that of its first strong character. */
	public static final char FSI = '\u2068';
	/** POP DIRECTIONAL ISOLATE. */
	public static final char PDI = '\u2069';

	public PortalMessageSource() {
		setBasenames("messages", "questions");
		setDefaultEncoding("UTF-8");
		// A language without a bundle falls back to English, never to the server's own locale.
		setFallbackToSystemLocale(false);
		setAlwaysUseMessageFormat(true);
	}

	@Override
	protected Object[] resolveArguments(Object[] args, Locale locale) {
		Object[] resolved = super.resolveArguments(args, locale);
		if (resolved == null || resolved.length == 0 || !Languages.rightToLeft(locale)) {
			return resolved;
		}
		Object[] isolated = resolved.clone();
		for (int i = 0; i < isolated.length; i++) {
			if (isolated[i] instanceof CharSequence text && !text.isEmpty()) {
				isolated[i] = FSI + text.toString() + PDI;
			}
		}
		return isolated;
	}
}
