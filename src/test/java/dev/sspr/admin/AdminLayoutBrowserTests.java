package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.Axe;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.directory.Directory;
import dev.sspr.throttle.Throttle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's layout and accessibility in a real browser: no page scrolls sideways on a 320 or
 * 375 px phone, the activity table fits a 1280 px screen, and axe-core finds nothing on any page.
 */
class AdminLayoutBrowserTests extends BrowserTestSupport {

	@Autowired
	Directory directory;

	@Autowired
	Throttle throttle;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clearThrottle() {
		throttle.clearAll();
	}

	private void signIn(Page page, String userId, String password) {
		ConsoleSignIn.signIn(page, url(""), userId, password);
	}

	/** Every page of the console an administrator of this tenant can open with a GET, by a short name. */
	private Map<String, String> pages(String someUser) {
		long user = directory.findUser(someUser).orElseThrow().id();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("dashboard", "/admin");
		pages.put("policy", "/admin/policy");
		pages.put("customization", "/admin/customization");
		pages.put("users", "/admin/users");
		pages.put("user", "/admin/users/" + user);
		pages.put("reregister", "/admin/users/" + user + "/reregister");
		pages.put("activity", "/admin/activity");
		return pages;
	}

	@ParameterizedTest
	// 320 px is the narrowest phone: what fits there fits at 375 px too.
	@CsvSource({ "320, en-US, adele@contoso.example", "320, lv-LV, edgars@fabrikam.example" })
	void whenTheConsoleIsOpenedOnAPhoneThenNoPageScrollsSideways(int width, String locale, String admin) {
		boolean contoso = admin.endsWith("contoso.example");
		String password = contoso ? DemoUsers.CONTOSO_PASSWORD : DemoUsers.FABRIKAM_PASSWORD;
		String someUser = contoso ? "alex@contoso.example" : "edgars@fabrikam.example";
		List<String> sideways = new ArrayList<>();
		try (BrowserContext context = newContext(locale, width, 800)) {
			Page page = context.newPage();
			page.navigate(url("/admin/sign-in"));
			checkSideways(page, "sign-in", width, sideways);
			signIn(page, admin, password);
			for (Map.Entry<String, String> each : pages(someUser).entrySet()) {
				page.navigate(url(each.getValue()));
				checkSideways(page, each.getKey(), width, sideways);
			}
			if (!contoso) {
				// Fabrikam requires one method: asking for two previews who would lose their reset.
				page.navigate(url("/admin/policy"));
				page.check("input[name=methodsRequired][value='2']");
				page.click("form.policy button.primary");
				page.waitForSelector("button[name=action][value=confirm]");
				checkSideways(page, "impact", width, sideways);
			}
		}
		assertThat(sideways).as("pages wider than %d px", width).isEmpty();
	}

	private static void checkSideways(Page page, String name, int width, List<String> sideways) {
		String sticksOut = Browser.sidewaysScroll(page);
		if (sticksOut != null) {
			sideways.add(name + " " + sticksOut);
			shot(page, "admin-sideways-" + width + "-" + name);
		}
	}

	@ParameterizedTest
	@CsvSource({ "320, lv-LV", "1280, tr-TR" })
	void whenTheDashboardIsShownThenEveryChartTextIsLegible(int width, String locale) {
		try (BrowserContext context = newContext(locale, width, 900)) {
			Page page = context.newPage();
			signIn(page, "adele@contoso.example", DemoUsers.CONTOSO_PASSWORD);
			shot(page, "admin-dashboard-" + width + "-" + locale);
			// Text inside an SVG shrinks with the drawing: its size on screen is its font size times the scale.
			@SuppressWarnings("unchecked")
			List<String> small = (List<String>) page.evaluate("""
					() => [...document.querySelectorAll('figure.chart svg text, figure.chart li, figure.chart figcaption')]
					  .map(t => [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize)
					      * (t instanceof SVGElement ? t.getScreenCTM().a : 1)])
					  .filter(([text, size]) => text.length > 0 && size < 12)
					  .map(([text, size]) => text + ' at ' + size.toFixed(1) + ' px')""");
			assertThat(small).isEmpty();
			assertThat(page.locator("figure.chart svg text").count()).isPositive();
		}
	}

	@Test
	void whenTheActivityIsShownOnAWideScreenThenItsLastColumnIsVisible() {
		// What an outside visitor and an administrator can put in the log: a long user ID typed at the reset
		// page, and a change whose details have long words in them.
		String typed = "x".repeat(300) + "@fabrikam.example";
		long fabrikam = jdbc.sql("select id from tenant where name = 'fabrikam'").query(Long.class).single();
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, reason)
				values (current_timestamp, ?, ?, 'THROTTLED', 'FAILURE', 'LOOKUP')""").params(fabrikam, typed).update();
		jdbc.sql("""
				insert into audit_record (occurred_at, tenant_id, subject, event_type, outcome, actor, details)
				values (current_timestamp, ?, null, 'ADMIN_POLICY_CHANGED', 'SUCCESS', 'edgars@fabrikam.example', ?)""")
				.params(fabrikam, "returnToOrigins: [] -> [https://" + "long-".repeat(40) + "origin.fabrikam.example]").update();
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			Page page = context.newPage();
			signIn(page, "edgars@fabrikam.example", DemoUsers.FABRIKAM_PASSWORD);
			page.navigate(url("/admin/activity"));
			shot(page, "admin-activity-1280");
			Browser.assertNoSidewaysScroll(page, "activity at 1280 px");
			Number regionOverflow = (Number) page.evaluate(
					"() => { const s = document.querySelector('table.data').parentElement; return s.scrollWidth - s.clientWidth; }");
			assertThat(regionOverflow.intValue()).as("the table is wider than its region").isLessThanOrEqualTo(0);
			Number lastColumnRight = (Number) page.evaluate(
					"() => document.querySelector('table.data thead th:last-child').getBoundingClientRect().right");
			assertThat(lastColumnRight.doubleValue()).isLessThanOrEqualTo(1280);
		}
		finally {
			jdbc.sql("delete from audit_record where tenant_id = ? and (subject = ? or details like ?)")
					.params(fabrikam, typed, "%long-long-%").update();
		}
	}

	@ParameterizedTest
	// axe reads the DOM, which is the same at every width: one run, on a phone and not in English.
	@CsvSource({ "lv-LV, 375" })
	void whenAxeChecksEveryConsolePageThenItFindsNothing(String locale, int width) {
		Map<String, List<String>> found = new LinkedHashMap<>();
		try (BrowserContext context = newContext(locale, width, 900)) {
			Page page = context.newPage();
			page.navigate(url("/admin/sign-in"));
			found.put("sign-in", Axe.violations(page));
			signIn(page, "edgars@fabrikam.example", DemoUsers.FABRIKAM_PASSWORD);
			for (Map.Entry<String, String> each : pages("marta@fabrikam.example").entrySet()) {
				page.navigate(url(each.getValue()));
				found.put("fabrikam " + each.getKey(), Axe.violations(page));
			}
			// The impact preview: requiring two methods would cost Fabrikam users their reset.
			page.navigate(url("/admin/policy"));
			page.check("input[name=methodsRequired][value='2']");
			page.click("form.policy button.primary");
			page.waitForSelector("button[name=action][value=confirm]");
			found.put("impact", Axe.violations(page));
			// A policy with messages beside its fields.
			page.navigate(url("/admin/policy"));
			page.fill("#reconfirmDays", "-1");
			page.click("form.policy button.primary");
			page.waitForSelector(".field-error");
			found.put("policy with errors", Axe.violations(page));
			page.navigate(url("/admin/activity?from=nonsense"));
			found.put("activity with errors", Axe.violations(page));
		}
		try (BrowserContext context = newContext(locale, width, 900)) {
			Page page = context.newPage();
			signIn(page, "adele@contoso.example", DemoUsers.CONTOSO_PASSWORD);
			for (Map.Entry<String, String> each : pages("alex@contoso.example").entrySet()) {
				page.navigate(url(each.getValue()));
				found.put("contoso " + each.getKey(), Axe.violations(page));
			}
		}
		found.values().removeIf(List::isEmpty);
		assertThat(found).isEmpty();
	}
}
