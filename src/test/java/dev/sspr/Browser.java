package dev.sspr;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.sspr.delivery.DevOutbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser. Outside CI a machine without
 * {@code /usr/bin/chromium} skips the browser tests with a message; in CI it fails.
 */
public final class Browser {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SSPR_CHROMIUM", "/usr/bin/chromium"));
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");

	private Browser() {
	}

	public static boolean available() {
		if (Files.isExecutable(CHROMIUM)) {
			return true;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(CHROMIUM + " is missing: .ci/run installs Debian's chromium package");
		}
		System.err.println("SKIPPED browser tests: " + CHROMIUM + " not found (apt-get install chromium)");
		return false;
	}

	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	/**
	 * Gets the captcha solved as a person would: the widget starts its proof of work when the form
	 * gets focus; a keyboard user can also tick it.
	 */
	public static void solveCaptcha(com.microsoft.playwright.Page page) {
		String solved = "() => { const i = document.querySelector('input[name=altcha]'); return i !== null && i.value.length > 20; }";
		try {
			page.waitForFunction(solved, null, new com.microsoft.playwright.Page.WaitForFunctionOptions().setTimeout(5_000));
		}
		catch (com.microsoft.playwright.TimeoutError notStarted) {
			page.locator("altcha-widget input[type=checkbox]").check();
			page.waitForFunction(solved);
		}
	}

	public static void screenshot(com.microsoft.playwright.Page page, String name) {
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
				.setFullPage(true));
	}

	/** The eight-digit code in the newest message of the dev outbox. */
	public static String lastCode(dev.sspr.delivery.DevOutbox outbox) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{8})\\b")
				.matcher(outbox.entries().get(0).message().body());
		if (!m.find()) {
			throw new IllegalStateException("no code in the newest message");
		}
		return m.group(1);
	}

	/** The eight-digit code in the newest message of the dev outbox to {@code destination} that has one. */
	public static String lastCodeTo(DevOutbox outbox, String destination) {
		return outbox.entries().stream()
				.filter(entry -> destination.equals(entry.message().destination()))
				.map(entry -> CODE.matcher(entry.message().body()))
				.filter(Matcher::find)
				.map(m -> m.group(1))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no code sent to " + destination));
	}

	/**
	 * Fails, saying where and what sticks out, when the page is wider than the viewport: neither the
	 * document nor the body may reach past the window's inner width or the document's client width
	 * (the narrower, should a scroll bar take room).
	 */
	public static void assertNoSidewaysScroll(Page page, String where) {
		String sideways = sidewaysScroll(page);
		if (sideways != null) {
			throw new AssertionError(where + ": scrolls sideways " + sideways);
		}
	}

	/**
	 * How far the page scrolls sideways and the innermost elements that stick out of the viewport (on
	 * either side, for right to left), for a test that gathers every page before it fails; null when it
	 * fits.
	 */
	public static String sidewaysScroll(Page page) {
		int overflow = ((Number) page.evaluate("""
				() => {
				  const d = document.documentElement, b = document.body;
				  return Math.max(d.scrollWidth, b ? b.scrollWidth : 0) - Math.min(window.innerWidth, d.clientWidth);
				}""")).intValue();
		if (overflow <= 0) {
			return null;
		}
		return "by " + overflow + " px: " + page.evaluate("""
				() => {
				  const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
				  const out = e => { const r = e.getBoundingClientRect(); return r.right > width || r.left < 0; };
				  return [...document.querySelectorAll('body *')]
				    .filter(e => out(e) && ![...e.children].some(out))
				    .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
				      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
				      + ' ' + Math.round(e.getBoundingClientRect().width) + 'px "'
				      + (e.textContent || '').trim().substring(0, 40) + '"');
				}""");
	}

	private static Playwright sharedPlaywright;
	private static com.microsoft.playwright.Browser shared;

	/**
	 * One Chromium for every browser test class of this JVM, started on first use: starting Playwright's
	 * driver and Chromium cost about two seconds per class. Tests stay apart by each opening its own
	 * context (cookies, storage, language, screen size). Playwright wants one thread, and the tests run
	 * one at a time on Surefire's. When the JVM ends the driver's pipe closes and it ends Chromium.
	 */
	public static synchronized com.microsoft.playwright.Browser shared() {
		if (shared == null || !shared.isConnected()) {
			if (sharedPlaywright == null) {
				sharedPlaywright = playwright();
			}
			shared = launch(sharedPlaywright);
		}
		return shared;
	}

	public static com.microsoft.playwright.Browser launch(Playwright playwright) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage")));
	}
}
