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

	public static com.microsoft.playwright.Browser launch(Playwright playwright) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage")));
	}
}
