package dev.sspr.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Arguments keep their own direction inside right-to-left sentences, and nothing else changes. */
class PortalMessageSourceTests {

	static final PortalMessageSource MESSAGES = new PortalMessageSource();

	@Test
	void whenARightToLeftMessageHasTextArgumentsThenEachIsIsolated() {
		for (String tag : new String[] { "ar", "he" }) {
			String text = MESSAGES.getMessage("message.code.sms.body", new Object[] { "12345678", "Contoso", "10" },
					Locale.forLanguageTag(tag));
			assertThat(text).as(tag).contains("\u206812345678\u2069", "\u2068Contoso\u2069");
		}
	}

	@Test
	void whenALeftToRightMessageHasArgumentsThenTheyAreUntouched() {
		String text = MESSAGES.getMessage("message.code.sms.body", new Object[] { "12345678", "Contoso", "10" }, Locale.ENGLISH);
		assertThat(text).contains("12345678").doesNotContain("\u2068", "\u2069");
	}

	@Test
	void whenANumberIsAnArgumentThenAChoiceStillFormatsIt() {
		String key = "admin.impact.heading";
		for (String tag : new String[] { "ar", "en", "he" }) {
			String text = MESSAGES.getMessage(key, new Object[] { 2 }, Locale.forLanguageTag(tag));
			assertThat(text).as(tag).doesNotContain("{0").doesNotContain("\u2068");
		}
	}

	@Test
	void whenAMessageHasNoArgumentsThenItsApostrophesAreSingle() {
		assertThat(MESSAGES.getMessage("error.status.404", null, Locale.ENGLISH)).isEqualTo("We couldn't find that page.");
	}
}
