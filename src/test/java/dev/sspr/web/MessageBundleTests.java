package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language complete, every message well formed, no literal text in a template: the build
 * fails when a bundle lacks a key or a page would show untranslated words.
 */
class MessageBundleTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");
	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
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

	@ParameterizedTest
	@ValueSource(strings = { "messages", "questions" })
	void whenTranslatedThenEveryBundleHasEveryKey(String bundle) throws IOException {
		Properties english = load(bundle);
		for (String language : List.of("tr", "lv")) {
			Properties translated = load(bundle + "_" + language);
			assertThat(new TreeSet<>(translated.stringPropertyNames())).as(bundle + "_" + language)
					.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
			for (String key : english.stringPropertyNames()) {
				assertThat(placeholders(translated.getProperty(key))).as(language + " " + key)
						.isEqualTo(placeholders(english.getProperty(key)));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "messages_tr", "messages_lv", "questions", "questions_tr", "questions_lv" })
	void whenFormattedThenEveryMessageIsValidMessageFormat(String bundle) throws IOException {
		Properties properties = load(bundle);
		for (String key : properties.stringPropertyNames()) {
			String value = properties.getProperty(key);
			assertThat(value).as(bundle + " " + key).isNotBlank();
			// Every message goes through MessageFormat, so a lone apostrophe would swallow text.
			assertThat(LONE_APOSTROPHE.matcher(value).find()).as(bundle + " " + key + " has a lone apostrophe").isFalse();
			// Numbers, because a {0,choice,...} formats only numbers; a plain {0} formats them too.
			new MessageFormat(value).format(new Object[] { 1, 2, 3 });
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

	static Set<String> placeholders(String value) {
		Set<String> found = new TreeSet<>();
		Matcher m = Pattern.compile("\\{(\\d+)}").matcher(value);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}
}
