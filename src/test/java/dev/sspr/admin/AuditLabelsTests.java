package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.audit.AdminAction;
import dev.sspr.passkey.Ceremonies;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.RefusalReason;
import dev.sspr.registration.RegistrationActivity;
import dev.sspr.reset.ResetActivity;
import dev.sspr.throttle.Limit;
import dev.sspr.verification.SendOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every event type, reason and method the code can write to the audit log has a label in every
 * language, so the console never shows a code. The values come from the enums, from the message keys
 * that travel as reasons, and from the string literals of the code that publishes audit events.
 */
class AuditLabelsTests {

	static final Path MAIN = Path.of("src/main/java/dev/sspr");
	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("tr"), Locale.forLanguageTag("lv"));

	/** A reason or method written as a literal: {@code "CURRENT_PASSWORD_WRONG"}. */
	static final Pattern CODE = Pattern.compile("^\"([A-Z][A-Z0-9_]*)\"$");
	static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

	final ResourceBundleMessageSource messages = messages();

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

	/** The codes without a label of their own in some language, as {@code prefix + code (language)}. */
	List<String> unlabelled(String prefix, Set<String> codes) {
		List<String> missing = new ArrayList<>();
		for (Locale language : LANGUAGES) {
			for (String code : codes) {
				String label = messages.getMessage(prefix + code, null, null, language);
				if (label == null || label.isBlank()) {
					missing.add(prefix + code + " (" + language + ")");
				}
			}
		}
		return missing;
	}

	@Test
	void whenAnyEventTypeIsLoggedThenItHasALabel() {
		Set<String> events = new TreeSet<>();
		Stream.of(ResetActivity.Kind.values(), RegistrationActivity.Kind.values(), AdminAction.Kind.values())
				.flatMap(Arrays::stream).forEach(kind -> events.add(kind.name()));
		assertThat(unlabelled("admin.event.", events)).isEmpty();
	}

	@Test
	void whenAnyMethodIsLoggedThenItHasALabel() throws IOException {
		Set<String> methods = new TreeSet<>();
		Arrays.stream(MethodKind.values()).forEach(kind -> methods.add(kind.name()));
		methods.addAll(published().methods());
		// Deleting a method logs the page's kind in capitals: /security-info/{kind:email|phone|...}/delete.
		Matcher deleted = Pattern.compile("\\{kind:([a-z|]+)}/delete")
				.matcher(Files.readString(MAIN.resolve("registration/RemoveMethodController.java")));
		assertThat(deleted.find()).as("the delete mapping of RemoveMethodController").isTrue();
		Arrays.stream(deleted.group(1).split("\\|")).forEach(kind -> methods.add(kind.toUpperCase(Locale.ROOT)));
		assertThat(methods).contains("PASSWORD", "PHONE");
		assertThat(unlabelled("admin.method.", methods)).isEmpty();
	}

	@Test
	void whenAnyReasonIsLoggedThenItHasALabel() throws IOException {
		Set<String> reasons = new TreeSet<>();
		Stream.of(RefusalReason.values(), Limit.values()).flatMap(Arrays::stream).forEach(r -> reasons.add(r.name()));
		Arrays.stream(SendOutcome.values()).filter(SendOutcome::suppressed).forEach(o -> reasons.add(o.name()));
		reasons.addAll(published().reasons());
		// A passkey registration refused is logged with its outcome's reason.
		Arrays.stream(Ceremonies.Registration.values()).filter(r -> r != Ceremonies.Registration.ADDED)
				.forEach(r -> reasons.add(r.auditReason()));
		// Message keys travel as reasons too: a question rule's, and every directory or writeback refusal's.
		for (String key : bundleKeys()) {
			if (key.startsWith("registration.questions.error.") || key.startsWith("reset.password.error.directory.")
					|| key.equals("reset.password.error.writeUnavailable")) {
				reasons.add(key);
			}
		}
		assertThat(reasons).contains("CURRENT_PASSWORD_WRONG", "CURRENT_PASSWORD_THROTTLED", "LOOKUP", "WRONG_PROOF",
				"registration.questions.error.sameAnswer");
		assertThat(unlabelled("admin.reason.", reasons)).isEmpty();
	}

	@Test
	void whenACodeHasALabelThenTheConsoleShowsTheLabelAndOtherwiseTheCode() {
		AdminLabels labels = new AdminLabels(messages);
		LocaleContextHolder.setLocale(Locale.forLanguageTag("lv"));
		try {
			assertThat(labels.methods("EMAIL,MOBILE_SMS")).isEqualTo("E-pasts, Mobilais tālrunis (īsziņa)");
			assertThat(labels.reason("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
			assertThat(labels.reason(null)).isEmpty();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	static Set<String> bundleKeys() throws IOException {
		java.util.Properties english = new java.util.Properties();
		try (var in = AuditLabelsTests.class.getResourceAsStream("/messages.properties")) {
			english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return english.stringPropertyNames();
	}

	/** The literal reasons and methods of every audit event the main code publishes. */
	record Published(Set<String> reasons, Set<String> methods) {
	}

	/**
	 * Reads the main code's calls {@code new ResetActivity(kind, success, tenant, subject, reason, ...)},
	 * {@code publish(flow, kind, success, reason, ...)} (the reset service's shorthand),
	 * {@code new RegistrationActivity(kind, tenant, subject, method, success, reason)} and
	 * {@code new AdminAction(kind, tenant, actor, subject, success, reason, details)}.
	 */
	static Published published() throws IOException {
		Published found = new Published(new TreeSet<>(), new TreeSet<>());
		List<Path> sources;
		try (Stream<Path> files = Files.walk(MAIN)) {
			sources = files.filter(p -> p.toString().endsWith(".java")).toList();
		}
		int calls = 0;
		for (Path source : sources) {
			String code = Files.readString(source);
			for (List<String> args : calls(code, "new ResetActivity(")) {
				literal(args, 4).forEach(found.reasons()::add);
				calls++;
			}
			for (List<String> args : calls(code, "publish(flow, ")) {
				literal(args, 3).forEach(found.reasons()::add);
				calls++;
			}
			for (List<String> args : calls(code, "new AdminAction(")) {
				if (args.size() == 7) {
					literal(args, 5).forEach(found.reasons()::add);
				}
				calls++;
			}
			for (List<String> args : calls(code, "new RegistrationActivity(")) {
				literal(args, 3).forEach(found.methods()::add);
				literal(args, 5).forEach(found.reasons()::add);
				calls++;
			}
		}
		assertThat(calls).as("audit calls found in the sources").isGreaterThan(20);
		return found;
	}

	/** Every string literal of the argument: a plain one, or each branch of {@code a ? "X" : "Y"}. */
	private static List<String> literal(List<String> args, int index) {
		if (args.size() <= index) {
			return List.of();
		}
		return LITERAL.matcher(args.get(index)).results().map(m -> m.group(1))
				.filter(value -> CODE.matcher('"' + value + '"').matches()).toList();
	}

	/** The top-level arguments of every call that starts with {@code opening} (which ends with its "("). */
	private static List<List<String>> calls(String code, String opening) {
		List<List<String>> calls = new ArrayList<>();
		for (int start = code.indexOf(opening); start >= 0; start = code.indexOf(opening, start + 1)) {
			int begin = code.indexOf('(', start);
			List<String> args = new ArrayList<>();
			int depth = 0;
			StringBuilder arg = new StringBuilder();
			boolean inString = false;
			for (int j = begin + 1; j < code.length(); j++) {
				char c = code.charAt(j);
				if (inString) {
					arg.append(c);
					if (c == '\\') {
						arg.append(code.charAt(++j));
					}
					else if (c == '"') {
						inString = false;
					}
					continue;
				}
				if (c == '"') {
					inString = true;
				}
				else if (c == '(' || c == '[' || c == '{') {
					depth++;
				}
				else if (c == ')' || c == ']' || c == '}') {
					if (depth == 0) {
						args.add(arg.toString());
						break;
					}
					depth--;
				}
				else if (c == ',' && depth == 0) {
					args.add(arg.toString());
					arg.setLength(0);
					continue;
				}
				arg.append(c);
			}
			calls.add(args);
		}
		return calls;
	}
}
