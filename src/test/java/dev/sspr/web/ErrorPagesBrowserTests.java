package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Error pages as a person meets them: an unknown address is a page not found in their language, its
 * language links work (they once led to {@code /error}, a 500), and a signed-in user without the
 * administrator role is told so at the console.
 */
class ErrorPagesBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAnUnknownAddressIsOpenedThenTheLanguagePickerShowsThePageNotFoundInEachLanguage() {
		try (BrowserContext context = newContext("en-US", 360, 740)) {
			Page page = context.newPage();
			Response missing = page.navigate(url("/robots.txt"));
			assertThat(missing.status()).isEqualTo(404);
			shot(page, "error-en-404");
			for (String[] language : List.of(new String[] { "tr", "Türkçe", "sayfayı bulamadık" },
					new String[] { "lv", "Latviešu", "nevarējām atrast" }, new String[] { "en", "English", "find that page" })) {
				Response switched = page.waitForNavigation(() -> {
					page.selectOption("#language-picker", language[0]);
					page.click(".languages button");
				});
				assertThat(switched.status()).as(language[1]).isEqualTo(404);
				assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language[0]);
				assertThat(page.textContent("main")).as(language[1]).containsIgnoringCase(language[2]);
				shot(page, "error-" + language[0] + "-404");
			}
		}
	}

	@Test
	void whenAUserWithoutTheAdministratorRoleOpensTheConsoleThenThePageSaysSoInTheirLanguage() {
		String user = TestUsers.in(jdbc).contoso().outsideSsprGroup().create();
		for (String[] language : List.of(new String[] { "en-US", "administrator role" },
				new String[] { "tr-TR", "yönetici rolü" }, new String[] { "lv-LV", "administratora lomas" })) {
			try (BrowserContext context = newContext(language[0], 390, 844)) {
				Page page = context.newPage();
				page.navigate(url("/sign-in"));
				page.fill("#userId", user);
				page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
				page.click("button.primary");
				page.waitForURL("**/security-info");

				Response console = page.navigate(url("/admin"));
				assertThat(console.status()).isEqualTo(403);
				assertThat(page.textContent("main")).contains(language[1]);
				assertThat(page.locator("a[href='/admin/sign-in']").isVisible()).isTrue();
				shot(page, "error-" + language[0] + "-not-administrator");
			}
		}
	}
}
