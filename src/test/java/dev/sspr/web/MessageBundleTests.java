package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.language.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language complete, every message well formed, no literal text in a template: the build
 * fails when a bundle of any language in {@link Languages#ALL} lacks a key, leaves one empty or in
 * English, breaks MessageFormat or uses other arguments than English, or a page would show
 * untranslated words.
 */
class MessageBundleTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");
	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
	static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");
	static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
	static final Set<String> USER_VISIBLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value",
			"label", "content");

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name + ".properties")) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	/**
	 * Values that may read as in English: names and codes, and words several languages write the same
	 * (German "Name" and "Status", Spanish and Italian "No", Croatian and Serbian "Administrator",
	 * Indonesian "Email", "Logo").
	 */
	static final Set<String> SAME_EVERYWHERE = Set.of("OK", "SSPR", "Contoso", "Fabrikam", "Microsoft Authenticator",
			"SMS", "Email", "E-mail", "Status", "Administrator", "Name", "No", "Logo");

	/**
	 * Words a language has borrowed from English and writes the same (Microsoft's Italian says "password";
	 * Microsoft, Apple and Google say "Passkey", plural "Passkeys", in German and "passkey" in Italian).
	 */
	static final Map<String, Set<String>> BORROWED = Map.of("de", Set.of("Passkey", "Passkeys"), "it", Set.of("Password", "Passkey"));

	/** Every language but English, each bundle: the test runs over whatever the supported list holds. */
	static Stream<Arguments> translatedBundles() {
		return Languages.ALL.stream().filter(language -> !language.equals(Languages.ENGLISH))
				.flatMap(language -> Stream.of("messages", "questions")
						.map(bundle -> Arguments.of(bundle, language.bundleSuffix())));
	}

	@ParameterizedTest(name = "{0}_{1}")
	@MethodSource("translatedBundles")
	void whenTranslatedThenEveryKeyIsThereWithTheSameArgumentsAndTranslated(String bundle, String suffix) throws IOException {
		Properties english = load(bundle);
		Properties translated = load(bundle + "_" + suffix);
		assertThat(new TreeSet<>(translated.stringPropertyNames())).as(bundle + "_" + suffix)
				.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
		List<String> same = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			String value = translated.getProperty(key);
			assertThat(value).as(suffix + " " + key).isNotBlank();
			assertThat(arguments(value)).as(suffix + " " + key + ": the same arguments as English")
					.isEqualTo(arguments(english.getProperty(key)));
			if (value.equals(english.getProperty(key)) && !SAME_EVERYWHERE.contains(value)
					&& !BORROWED.getOrDefault(suffix, Set.of()).contains(value)
					&& value.codePoints().anyMatch(Character::isLetter)) {
				same.add(key + "=" + value);
			}
		}
		assertThat(same).as(bundle + "_" + suffix + ": values left in English").isEmpty();
	}

	static Stream<String> everyBundle() {
		return Stream.concat(Stream.of("messages", "questions"),
				translatedBundles().map(a -> a.get()[0] + "_" + a.get()[1]));
	}

	@ParameterizedTest
	@MethodSource("everyBundle")
	void whenFormattedThenEveryMessageIsValidMessageFormat(String bundle) throws IOException {
		Properties properties = load(bundle);
		for (String key : properties.stringPropertyNames()) {
			String value = properties.getProperty(key);
			assertThat(value).as(bundle + " " + key).isNotBlank();
			// Every message goes through MessageFormat, so a lone apostrophe would swallow text.
			assertThat(LONE_APOSTROPHE.matcher(value).find()).as(bundle + " " + key + " has a lone apostrophe").isFalse();
			// Numbers, because a {0,choice,...} formats only numbers; a plain {0} formats them too.
			new MessageFormat(value).format(new Object[] { 1, 2, 3, 4, 5 });
		}
	}

	@Test
	void whenPredefinedQuestionsCountedThenThirtyFive() throws IOException {
		assertThat(load("questions").stringPropertyNames()).hasSize(35);
	}

	@Test
	void whenTemplatesReadThenEveryMessageKeyExists() throws IOException {
		Properties english = load("messages");
		english.putAll(load("questions"));
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
			while (m.find()) {
				if (!english.containsKey(m.group(1))) {
					missing.add(template.getFileName() + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void whenTemplatesReadThenNoLiteralUserFacingText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template));
			for (Element element : document.getAllElements()) {
				boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext")
						|| element.hasAttr("th:replace") || element.hasAttr("th:insert");
				for (TextNode text : element.textNodes()) {
					if (!replaced && text.text().codePoints().anyMatch(Character::isLetter)) {
						literals.add(template.getFileName() + ": \"" + text.text().strip() + "\"");
					}
				}
				for (Attribute attribute : element.attributes()) {
					if (USER_VISIBLE_ATTRIBUTES.contains(attribute.getKey())
							&& attribute.getValue().codePoints().anyMatch(Character::isLetter)
							&& !("meta".equals(element.tagName())) && !"input".equals(element.tagName())
							// A button's value is what it submits, never what it shows.
							&& !("button".equals(element.tagName()) && "value".equals(attribute.getKey()))) {
						literals.add(template.getFileName() + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
					}
				}
			}
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void whenTemplatesReadThenUserDataIsNeverUnescaped() throws IOException {
		for (Path template : templates()) {
			assertThat(Files.readString(template)).as(template.toString()).doesNotContain("th:utext");
		}
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	/**
	 * The argument indexes a message uses at its top level ({@code {0}}, {@code {1,choice,...}}),
	 * ignoring quoted text and what is nested inside a choice.
	 */
	static Set<Integer> arguments(String value) {
		Set<Integer> found = new TreeSet<>();
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'') {
				if (i + 1 < value.length() && value.charAt(i + 1) == '\'') {
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else if (!quoted && c == '{') {
				if (depth == 0) {
					Matcher m = ARGUMENT.matcher(value).region(i, value.length());
					assertThat(m.lookingAt()).as("an argument at " + i + " of " + value).isTrue();
					found.add(Integer.parseInt(m.group(1)));
				}
				depth++;
			}
			else if (!quoted && c == '}') {
				depth--;
			}
		}
		return found;
	}
}
