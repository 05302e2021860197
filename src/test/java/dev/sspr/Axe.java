package dev.sspr;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (the {@code axe.min.js} that com.deque.html.axe-core:playwright carries) run in the page
 * under test. Only its script is used: the jar's Java API would bring Jackson 2 onto the test class path.
 */
public final class Axe {

	private static final String SOURCE = load();

	/** WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. */
	private static final String RUN = """
			async () => {
			  const result = await axe.run(document, { runOnly: { type: 'tag', values:
			      ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
			  return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
			      + v.nodes.map(n => n.target.join(' ')).join(', '));
			}""";

	private Axe() {
	}

	/** Every violation on the page as it is now, one line each: rule, impact, help and where. */
	@SuppressWarnings("unchecked")
	public static List<String> violations(Page page) {
		// Playwright evaluates through the DevTools protocol, which the page's CSP does not govern.
		if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
			page.evaluate(SOURCE);
		}
		return (List<String>) page.evaluate(RUN);
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
