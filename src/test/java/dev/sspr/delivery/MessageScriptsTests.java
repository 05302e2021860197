package dev.sspr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.language.PortalMessageSource;
import java.lang.Character.UnicodeScript;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Emails, texts and calls in one language of each script the portal writes: each message is
 * in that language's script, an HTML email says its language and direction, and in Arabic and
 * Hebrew the code keeps its left-to-right order inside the sentence, in the plain text too.
 */
class MessageScriptsTests {

	static final PortalMessageSource MESSAGES = new PortalMessageSource();
	static final MessageComposer COMPOSER = new MessageComposer(MESSAGES, MessageComposerTests.templates(),
			MessageComposerTests.letterheads());
	static final String CODE = "12345678";
	static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource({ "de, LATIN", "fr, LATIN", "ru, CYRILLIC", "el, GREEK", "ar, ARABIC", "he, HEBREW",
			"ja, HAN HIRAGANA KATAKANA", "zh-CN, HAN", "zh-TW, HAN", "ko, HANGUL", "th, THAI", "hi, DEVANAGARI" })
	void whenMessagesAreComposedThenTheyAreWrittenInTheLanguagesScript(String tag, String scripts) {
		Locale locale = Locale.forLanguageTag(tag);
		Set<UnicodeScript> expected = Arrays.stream(scripts.split(" ")).map(UnicodeScript::valueOf).collect(Collectors.toSet());
		OutgoingMessage email = COMPOSER.verificationCode(Channel.EMAIL, "kim@mail.example", CODE, 7, "Contoso", TEN_MINUTES,
				locale);
		OutgoingMessage sms = COMPOSER.verificationCode(Channel.SMS, "+15550100101", CODE, 7, "Contoso", TEN_MINUTES, locale);
		OutgoingMessage voice = COMPOSER.verificationCode(Channel.VOICE, "+15550100101", CODE, 7, "Contoso", TEN_MINUTES,
				locale);
		OutgoingMessage changed = COMPOSER.passwordChanged("kim@mail.example", 7, "Contoso", "kim@contoso.example", locale);
		for (String text : List.of(email.subject(), email.body(), sms.body(), voice.body(), changed.subject(), changed.body())) {
			assertThat(mostlyIn(text, expected)).as(tag + ": " + text).isTrue();
		}
		assertThat(sms.body()).contains(CODE);
		assertThat(email.body()).contains(CODE);
		assertThat(voice.body()).contains(String.join(" ", CODE.split("")));

		boolean rightToLeft = Set.of("ar", "he").contains(tag);
		for (OutgoingMessage mail : List.of(email, changed)) {
			Document html = Jsoup.parse(mail.html());
			assertThat(html.selectFirst("html").attr("lang")).isEqualTo(tag);
			assertThat(html.selectFirst("html").attr("dir")).isEqualTo(rightToLeft ? "rtl" : "ltr");
			assertThat(html.body().attr("dir")).isEqualTo(rightToLeft ? "rtl" : "ltr");
		}
		assertThat(Jsoup.parse(email.html()).select("p[dir=ltr]").text()).isEqualTo(CODE);
		if (rightToLeft) {
			// The code, the address and the organization's name are isolated: they read left to right.
			String isolated = PortalMessageSource.FSI + CODE + PortalMessageSource.PDI;
			assertThat(email.body()).contains(isolated);
			assertThat(sms.body()).contains(isolated);
			assertThat(changed.body()).contains(PortalMessageSource.FSI + "kim@contoso.example" + PortalMessageSource.PDI);
		}
		else {
			// A left-to-right text stays free of invisible marks (a Latin text message stays in the GSM alphabet).
			assertThat(sms.body() + email.body() + changed.body()).doesNotContain(String.valueOf(PortalMessageSource.FSI));
		}
	}

	/** Most letters of the text (names and addresses aside, which are Latin) are in the expected scripts. */
	static boolean mostlyIn(String text, Set<UnicodeScript> scripts) {
		String words = text.replace("Contoso", "").replaceAll("\\S+@\\S+", "");
		long letters = words.codePoints().filter(Character::isLetter).count();
		long inScript = words.codePoints().filter(Character::isLetter).filter(c -> scripts.contains(UnicodeScript.of(c))).count();
		return letters > 0 && inScript * 2 > letters;
	}
}
