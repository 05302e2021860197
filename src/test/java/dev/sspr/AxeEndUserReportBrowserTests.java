package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.throttle.Throttle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core over the end-user pages (reset, sign-in, security info) on a phone and a desktop. It
 * reports rather than fails: what it finds is written to target/axe-end-user.txt and the test log.
 * The console's pages are held to zero findings in AdminLayoutBrowserTests.
 */
class AxeEndUserReportBrowserTests extends BrowserTestSupport {

	static final Path REPORT = Path.of("target", "axe-end-user.txt");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	@Test
	void whenAxeChecksTheEndUserPagesThenWhatItFindsIsReported() throws IOException {
		throttle.clearAll();
		String userId = TestUsers.in(jdbc).contoso().withEmail("axe-report@mail.example").create();
		Map<String, List<String>> found = new LinkedHashMap<>();
		for (int width : new int[] { 375, 1280 }) {
			try (BrowserContext context = newContext("en-US", width, 900)) {
				Page page = context.newPage();
				page.navigate(url("/reset"));
				found.put(width + " /reset", Axe.violations(page));
				startReset(page, userId);
				page.waitForURL("**/reset/**");
				found.put(width + " " + page.url().replaceFirst("^https?://[^/]+", ""), Axe.violations(page));
				page.navigate(url("/sign-in"));
				found.put(width + " /sign-in", Axe.violations(page));
				page.fill("#userId", userId);
				page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
				page.click("button.primary");
				page.waitForURL("**/security-info**");
				found.put(width + " " + page.url().replaceFirst("^https?://[^/]+", ""), Axe.violations(page));
				for (String path : List.of("/security-info/questions", "/security-info/password", "/security-info/email")) {
					page.navigate(url(path));
					found.put(width + " " + path, Axe.violations(page));
				}
			}
		}
		List<String> lines = new ArrayList<>();
		found.forEach((where, violations) -> violations.forEach(v -> lines.add(where + ": " + v)));
		Files.createDirectories(REPORT.getParent());
		Files.write(REPORT, lines);
		lines.forEach(line -> System.out.println("axe (end-user pages, reported only) " + line));
		assertThat(found).hasSize(14);
	}
}
