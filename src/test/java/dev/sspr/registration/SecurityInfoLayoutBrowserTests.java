package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import dev.sspr.directory.Directory;
import dev.sspr.verification.AuthenticatorApps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The security-info page's method rows on a small phone and a desktop: statuses in the text font,
 * and every row's Change and Delete in the same place, whatever the status says.
 */
class SecurityInfoLayoutBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	AuthenticatorApps apps;

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 320, 1280 })
	void whenEveryMethodRegisteredThenStatusesInTextFontAndActionsAligned(int width) {
		String user = TestUsers.in(jdbc).contoso().withRegisteredEmail("layout.check@home.example")
				.withRegisteredPhone("+1 555 010 7788").withOfficePhone("+1 555 010 7799").withQuestions("q01", "q02", "q03")
				.create();
		apps.register(directory.findUser(user).orElseThrow().id(), new byte[20], true);
		try (BrowserContext context = newContext("en-US", width, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			signInToSecurityInfo(page, user, DemoUsers.CONTOSO_PASSWORD);
			page.waitForURL("**/security-info");
			shot(page, "security-info-layout-" + width);

			Locator rows = page.locator(".methods > li");
			assertThat(rows.count()).isEqualTo(5);
			List<BoundingBox> changes = new ArrayList<>();
			List<BoundingBox> deletes = new ArrayList<>();
			for (int i = 0; i < rows.count(); i++) {
				Locator row = rows.nth(i);
				String font = row.locator(":scope > :nth-child(2)").evaluate("e => getComputedStyle(e).fontFamily").toString();
				assertThat(font).as("status font of row " + i).doesNotContainIgnoringCase("monospace");
				Locator actions = row.locator("a, button");
				if (actions.count() == 2) {
					changes.add(actions.nth(0).boundingBox());
					deletes.add(actions.nth(1).boundingBox());
				}
			}
			assertThat(changes).as("rows with Change and Delete").hasSize(4);
			for (int i = 0; i < changes.size(); i++) {
				assertThat(changes.get(i).x).as("Change of row " + i + " starts where the first does")
						.isCloseTo(changes.get(0).x, org.assertj.core.data.Offset.offset(0.5));
				assertThat(deletes.get(i).x).as("Delete of row " + i + " starts where the first does")
						.isCloseTo(deletes.get(0).x, org.assertj.core.data.Offset.offset(0.5));
				assertThat(deletes.get(i).y).as("Delete of row " + i + " beside its Change")
						.isCloseTo(changes.get(i).y, org.assertj.core.data.Offset.offset(0.5));
				assertThat(changes.get(i).height).as("Change of row " + i + " height").isGreaterThanOrEqualTo(24);
				assertThat(deletes.get(i).height).as("Delete of row " + i + " height").isGreaterThanOrEqualTo(24);
			}
			Browser.assertNoSidewaysScroll(page, "security info at " + width + " px");
			assertThat(smallTargets(page)).as("targets under 24 px").isEmpty();
			assertThat(errors).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/security-info/email", "/security-info/phone", "/security-info/questions",
			"/security-info/password" })
	void whenSignedInPageShownOnAPhoneThenNoTargetIsUnder24Px(String path) {
		String user = TestUsers.in(jdbc).contoso().withRegisteredEmail("targets.check@home.example").create();
		try (BrowserContext context = newContext("tr-TR", 320, 700)) {
			Page page = context.newPage();
			signInToSecurityInfo(page, user, DemoUsers.CONTOSO_PASSWORD);
			page.waitForURL("**/security-info**");
			page.navigate(url(path));
			assertThat(smallTargets(page)).as(path).isEmpty();
		}
	}
}
