package dev.sspr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import dev.sspr.language.PortalMessageSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every kind of message, in every language, as the recipient reads it: the plain-text part and the
 * HTML part each say "if this wasn't you" once where it belongs, and no sentence is said twice.
 */
class MessageComposerTests {

	static final ResourceBundleMessageSource MESSAGES = messages();
	static final MessageComposer COMPOSER = new MessageComposer(MESSAGES, templates(), letterheads());
	static final long TENANT = 7L;
	static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
	/** Two sentences sharing this many words in a row say the same thing twice (in other words, in Turkish). */
	static final int SAME_WORDS = 4;
	/**
	 * Elsewhere a little longer: word counts differ between languages (Vietnamese writes a word per
	 * syllable, Indonesian a phrase where English has a word), so only a longer shared run is a repeat.
	 */
	static final int SAME_WORDS_ELSEWHERE = 6;
	static final Set<String> FIRST_LANGUAGES = Set.of("en", "tr", "lv");

	@ParameterizedTest
	@MethodSource("languages")
	void whenSecurityInfoChangedThenNotMeLineOnceInTextAndInHtml(String language) {
		Locale locale = Locale.forLanguageTag(language);
		OutgoingMessage mail = COMPOSER.contactChanged("old@mail.example", TENANT, "Contoso", locale);
		String notMe = MESSAGES.getMessage("message.notMe", null, locale);
		assertThat(occurrences(mail.body(), notMe)).as("plain text").isEqualTo(1);
		assertThat(occurrences(htmlText(mail.html()), notMe)).as("HTML").isEqualTo(1);
	}

	static Stream<String> languages() {
		return Languages.ALL.stream().map(Language::tag);
	}

	static Stream<Arguments> everyMessage() {
		List<Arguments> all = new ArrayList<>();
		for (String language : Languages.ALL.stream().map(Language::tag).toList()) {
			Locale locale = Locale.forLanguageTag(language);
			Duration ten = Duration.ofMinutes(10);
			all.add(Arguments.of(language + " security info changed", true,
					COMPOSER.contactChanged("old@mail.example", TENANT, "Contoso", locale)));
			all.add(Arguments.of(language + " security info changed (text)", false,
					COMPOSER.contactChangedText("+15550100101", "Contoso", locale)));
			all.add(Arguments.of(language + " password changed", true,
					COMPOSER.passwordChanged("alex@mail.example", TENANT, "Contoso", "alex@contoso.example", locale)));
			all.add(Arguments.of(language + " administrator reset", true, COMPOSER.adminPasswordReset(
					"adele@mail.example", TENANT, "Contoso", "Megan Bowen", "megan@contoso.example", locale)));
			all.add(Arguments.of(language + " code by email", false, COMPOSER.verificationCode(Channel.EMAIL,
					"alex@mail.example", "12345678", TENANT, "Contoso", ten, locale)));
			all.add(Arguments.of(language + " code by text", false, COMPOSER.verificationCode(Channel.SMS,
					"+15550100101", "12345678", TENANT, "Contoso", ten, locale)));
			all.add(Arguments.of(language + " code by call", false, COMPOSER.verificationCode(Channel.VOICE,
					"+15550100101", "12345678", TENANT, "Contoso", ten, locale)));
			all.add(Arguments.of(language + " approval call", false,
					COMPOSER.approvalCall("+15550100101", "Contoso", "https://sspr.example/voice/t", locale)));
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyMessage")
	void whenAnyMessageComposedThenEachPartSaysEverythingOnce(String name, boolean notMeExpected,
			OutgoingMessage message) {
		Locale locale = Locale.forLanguageTag(name.substring(0, name.indexOf(' ')));
		String notMe = MESSAGES.getMessage("message.notMe", null, locale);
		List<String> parts = new ArrayList<>(List.of(message.body()));
		if (message.html() != null) {
			parts.add(htmlText(message.html()));
		}
		for (String part : parts) {
			if (notMeExpected) {
				assertThat(occurrences(part, notMe)).as(name + ": " + part).isEqualTo(1);
			}
			List<String> sentences = Arrays.stream(SENTENCE_END.split(part)).map(String::strip)
					.filter(s -> !s.isEmpty()).toList();
			for (int i = 0; i < sentences.size(); i++) {
				for (int j = i + 1; j < sentences.size(); j++) {
					assertThat(sharedRun(sentences.get(i), sentences.get(j))).as(name + ": a sentence said twice in\n" + part)
							.isLessThan(FIRST_LANGUAGES.contains(locale.toLanguageTag()) ? SAME_WORDS : SAME_WORDS_ELSEWHERE);
				}
			}
		}
	}

	/** The longest run of words two sentences share; a code read twice on a call is digits, not words. */
	private static int sharedRun(String a, String b) {
		List<String> x = words(a);
		List<String> y = words(b);
		int longest = 0;
		int[][] run = new int[x.size() + 1][y.size() + 1];
		for (int i = 1; i <= x.size(); i++) {
			for (int j = 1; j <= y.size(); j++) {
				if (x.get(i - 1).equals(y.get(j - 1))) {
					run[i][j] = run[i - 1][j - 1] + 1;
					longest = Math.max(longest, run[i][j]);
				}
			}
		}
		return longest;
	}

	private static List<String> words(String sentence) {
		return Arrays.stream(sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}]+")).filter(w -> !w.isEmpty()).toList();
	}

	private static String htmlText(String html) {
		return String.join("\n", Jsoup.parse(html).body().select("p").eachText());
	}

	private static int occurrences(String text, String part) {
		Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (m.find()) {
			count++;
		}
		return count;
	}

	/** The portal's own message source: its isolates around arguments are part of what is tested. */
	static ResourceBundleMessageSource messages() {
		return new PortalMessageSource();
	}

	static SpringTemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	static org.springframework.beans.factory.ObjectProvider<Letterhead.Source> letterheads() {
		Letterhead contoso = new Letterhead("Contoso", "https://help.contoso.example", "helpdesk@contoso.example", null,
				false);
		Letterhead.Source source = new Letterhead.Source() {
			@Override
			public Optional<Letterhead> of(long tenantId) {
				return Optional.of(contoso);
			}

			@Override
			public Optional<Letterhead.Logo> logo(long tenantId) {
				return Optional.empty();
			}
		};
		return new StaticListableBeanFactory(Map.of("letterheads", source)).getBeanProvider(Letterhead.Source.class);
	}
}
