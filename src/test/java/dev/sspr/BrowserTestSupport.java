package dev.sspr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal on a real port and Debian's Chromium (one for the whole run, {@link Browser#shared}): each
 * test opens its own context (cookies, language, screen size) and can watch it for console errors.
 */
@PortalServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

	@LocalServerPort
	protected int port;

	/** The server's clock: move it forward instead of waiting. */
	@org.springframework.beans.factory.annotation.Autowired
	protected TestClock clock;

	protected com.microsoft.playwright.Browser browser;

	@BeforeAll
	void startBrowser() throws Exception {
		assumeTrue(Browser.available(), "Debian chromium not installed");
		Files.createDirectories(Browser.SCREENSHOTS);
		browser = Browser.shared();
	}

	protected BrowserContext newContext(String locale, int width, int height) {
		return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale)
				.setViewportSize(width, height));
	}

	/** Console errors and page errors (a CSP violation shows up here) of every page of the context. */
	protected static List<String> watchConsole(BrowserContext context) {
		List<String> errors = new ArrayList<>();
		context.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		context.onWebError(error -> errors.add(error.error()));
		return errors;
	}

	/**
	 * Everything {@link #watchConsole} sees, any message about the Content Security Policy (whatever its
	 * level) and server errors (5xx), of every page of the context.
	 */
	protected static List<String> watchProblems(BrowserContext context) {
		List<String> problems = watchConsole(context);
		context.onConsoleMessage(message -> {
			if (!"error".equals(message.type()) && message.text().contains("Content Security Policy")) {
				problems.add(message.text());
			}
		});
		context.onResponse(response -> {
			if (response.status() >= 500) {
				problems.add(response.status() + " " + response.url());
			}
		});
		return problems;
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/**
	 * The same page on {@code http://localhost}: passkeys need it, as Chromium refuses WebAuthn on an IP
	 * address. Cookies are per host, so a journey that uses a passkey stays on this host throughout.
	 */
	protected String localhostUrl(String path) {
		return "http://localhost:" + port + path;
	}

	/** Types a user ID on the reset portal's start page, lets the captcha solve itself, and goes on. */
	protected void startReset(Page page, String userId) {
		page.navigate(url("/reset"));
		page.fill("#userId", userId);
		Browser.solveCaptcha(page);
		page.click("button.primary");
	}

	/** Signs in to the security-info page; the caller waits for where it expects to land. */
	protected void signInToSecurityInfo(Page page, String userId, String password) {
		page.navigate(url("/sign-in"));
		page.fill("#userId", userId);
		page.fill("#password", password);
		page.click("button.primary");
	}

	/**
	 * The page's targets smaller than 24 by 24 CSS px (WCAG 2.2 2.5.8), described for a failure
	 * message. A radio button or check box counts with its label (with the whole card when the label
	 * covers it), and a link inside a sentence is exempt, as the criterion says.
	 */
	@SuppressWarnings("unchecked")
	protected static List<String> smallTargets(Page page) {
		return (List<String>) page.evaluate("""
				() => {
				  const small = [];
				  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')) {
				    const r = e.getBoundingClientRect();
				    if (r.width === 0 || r.height === 0 || r.right <= 0 || getComputedStyle(e).visibility === 'hidden') continue;
				    let width = r.width, height = r.height;
				    if ((e.type === 'radio' || e.type === 'checkbox') && e.labels && e.labels.length > 0) {
				      const around = e.closest('.choice') || e.labels[0];
				      const l = around.getBoundingClientRect();
				      width = Math.max(width, l.width);
				      height = Math.max(height, l.height);
				    }
				    const inSentence = e.tagName === 'A' && getComputedStyle(e).display === 'inline'
				        && e.parentElement.textContent.trim() !== e.textContent.trim();
				    if (!inSentence && (width < 24 || height < 24)) {
				      small.push(e.outerHTML.substring(0, 100) + ' is ' + Math.round(width) + 'x' + Math.round(height));
				    }
				  }
				  return small;
				}""");
	}

	protected static void shot(Page page, String name) {
		Browser.screenshot(page, name);
	}
}
