package dev.sspr;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser. Outside CI a machine without
 * {@code /usr/bin/chromium} skips the browser tests with a message; in CI it fails.
 */
public final class Browser {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SSPR_CHROMIUM", "/usr/bin/chromium"));
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

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

	public static com.microsoft.playwright.Browser launch(Playwright playwright) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage")));
	}
}
