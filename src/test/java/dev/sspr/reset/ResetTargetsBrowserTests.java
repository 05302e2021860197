package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.sspr.Browser;
import dev.sspr.BrowserTestSupport;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.directory.TenantBranding;
import dev.sspr.directory.TenantInfo;
import dev.sspr.throttle.Throttle;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reset portal for people on a keyboard or a phone: a solved captcha stays solved, every target
 * is at least 24 px (WCAG 2.2 2.5.8), a method card selects its method wherever it is tapped, and
 * the focus ring stands out from the page (3:1, WCAG 1.4.11), with or without a tenant's colours.
 */
class ResetTargetsBrowserTests extends BrowserTestSupport {

	static final String CHECKBOX = "altcha-widget input[type=checkbox]";
	static final double MIN_TARGET = 24;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	@Autowired
	DevOutbox outbox;

	@Autowired
	TenantBranding branding;

	@Autowired
	dev.sspr.policy.PolicyUpdates policies;

	@BeforeEach
	void cleanSlate() {
		CleanSlate.restore(jdbc, throttle, outbox);
	}

	@Test
	void whenSpacePressedAfterCaptchaSolvedThenStillTickedAndNextSucceeds() {
		try (BrowserContext context = newContext("en-US", 390, 844)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/reset"));
			page.fill("#userId", "alex@contoso.example");
			// A keyboard user tabs to the check, which solves itself on focus, and then presses Space.
			page.keyboard().press("Tab");
			assertThat(page.evaluate("document.activeElement.matches('" + CHECKBOX + "')")).isEqualTo(true);
			Browser.solveCaptcha(page);
			page.keyboard().press("Space");
			assertThat(page.isChecked(CHECKBOX)).isTrue();
			assertThat(page.locator("altcha-widget .altcha").getAttribute("data-state")).isEqualTo("verified");
			page.click("altcha-widget label");
			assertThat(page.isChecked(CHECKBOX)).isTrue();
			page.click("button.primary");
			page.waitForURL("**/reset/method");
			assertThat(errors).isEmpty();
		}
	}

	@Test
	void whenCaptchaShownThenItsRowAndCheckboxAreAtLeast24PxTall() {
		try (BrowserContext context = newContext("en-US", 320, 700)) {
			Page page = context.newPage();
			page.navigate(url("/reset"));
			page.locator(CHECKBOX).waitFor();
			shot(page, "targets-01-captcha");
			BoundingBox row = page.locator("altcha-widget .altcha-checkbox-wrap").boundingBox();
			BoundingBox checkbox = page.locator(CHECKBOX).boundingBox();
			BoundingBox label = page.locator("altcha-widget label").boundingBox();
			assertThat(row.height).as("captcha row").isGreaterThanOrEqualTo(MIN_TARGET);
			assertThat(checkbox.height).as("checkbox height").isGreaterThanOrEqualTo(MIN_TARGET);
			assertThat(checkbox.width).as("checkbox width").isGreaterThanOrEqualTo(MIN_TARGET);
			assertThat(label.height).as("label height").isGreaterThanOrEqualTo(MIN_TARGET);
		}
	}

	@Test
	void whenResetAndSignInPagesShownOnAPhoneThenNoTargetIsUnder24Px() {
		try (BrowserContext context = newContext("lv-LV", 320, 700)) {
			Page page = context.newPage();
			page.navigate(url("/sign-in"));
			assertThat(smallTargets(page)).as("sign-in").isEmpty();
			page.navigate(url("/reset"));
			page.locator(CHECKBOX).waitFor();
			assertThat(smallTargets(page)).as("identify").isEmpty();
			startReset(page, "alex@contoso.example");
			page.waitForURL("**/reset/method");
			assertThat(smallTargets(page)).as("method").isEmpty();
			page.check("#method-email");
			page.click("button.primary");
			page.waitForURL("**/reset/verify");
			assertThat(smallTargets(page)).as("verify").isEmpty();
			startReset(page, "lena@contoso.example");
			page.waitForURL("**/reset/contact-admin");
			assertThat(page.locator(".helpdesk a").count()).isPositive();
			assertThat(smallTargets(page)).as("contact your administrator").isEmpty();
		}
	}

	@Test
	void whenEmptyAreaOfMethodCardClickedThenThatMethodIsSelected() {
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			startReset(page, "alex@contoso.example");
			page.waitForURL("**/reset/method");
			Locator second = page.locator(".choice").nth(1);
			BoundingBox card = second.boundingBox();
			BoundingBox text = second.locator("label span").first().boundingBox();
			double x = card.x + card.width - 6;
			assertThat(x).as("an empty part of the card, right of its text").isGreaterThan(text.x + text.width + 20);
			page.mouse().click(x, card.y + card.height / 2);
			assertThat(second.locator("input[type=radio]").isChecked()).isTrue();
			// The card's left edge, beside the radio button, counts too.
			Locator third = page.locator(".choice").nth(2);
			BoundingBox thirdCard = third.boundingBox();
			page.mouse().click(thirdCard.x + 3, thirdCard.y + 3);
			assertThat(third.locator("input[type=radio]").isChecked()).isTrue();
			shot(page, "targets-02-method-card");
			assertThat(errors).isEmpty();
		}
	}

	@Test
	void whenFieldsAndButtonsFocusedThenRingContrastsAtLeastThreeToOne() {
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			Page page = context.newPage();
			page.navigate(url("/reset"));
			page.focus("#userId");
			assertRingOn(page, 0xffffff);
			page.focus("button.primary");
			page.keyboard().press("Shift+Tab");
			page.keyboard().press("Tab");
			assertThat(page.evaluate("document.activeElement.matches('button.primary')")).isEqualTo(true);
			assertRingOn(page, 0xffffff);
		}
	}

	@Test
	void whenTenantHasLightBrandColourThenFocusRingsStillContrast() {
		long contoso = jdbc.sql("select id from tenant where name = 'contoso'").query(Long.class).single();
		dev.sspr.DemoTenants demoTenants = dev.sspr.DemoTenants.remember(jdbc, policies, branding);
		TenantInfo saved = branding.tenant(contoso).orElseThrow();
		String mailFrom = branding.mailFrom(contoso).orElse(null);
		branding.customize(contoso, new TenantBranding.Customization(saved.helpdeskUrl(), saved.helpdeskEmail(), "#ffd700",
				mailFrom));
		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			Page page = context.newPage();
			startReset(page, "alex@contoso.example");
			page.waitForURL("**/reset/method");
			page.focus(".choice input");
			page.keyboard().press("ArrowDown");
			assertRingOn(page, 0xffffff);
			// The language picker sits on the brand colour itself.
			page.focus(".languages select");
			page.keyboard().press("Tab");
			assertThat(page.evaluate("document.activeElement.closest('.languages') !== null")).isEqualTo(true);
			assertRingOn(page, 0xffd700);
		}
		finally {
			demoTenants.restore();
		}
	}

	/** The focused element's outline: drawn, at least 2 px, and 3:1 against the colour it sits on. */
	private static void assertRingOn(Page page, int background) {
		@SuppressWarnings("unchecked")
		List<Object> ring = (List<Object>) page.evaluate("""
				() => { const s = getComputedStyle(document.activeElement);
				        return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }""");
		String what = page.evaluate("document.activeElement.outerHTML").toString();
		assertThat(ring.get(0)).as("outline style of " + what).isNotEqualTo("none");
		assertThat(((Number) ring.get(1)).doubleValue()).as("outline width of " + what).isGreaterThanOrEqualTo(2);
		int colour = rgb(ring.get(2).toString());
		assertThat(contrast(colour, background)).as("contrast of " + ring.get(2) + " for " + what)
				.isGreaterThanOrEqualTo(3);
	}

	/* WCAG's contrast ratio, written out here rather than borrowed from the branding code it checks. */

	/** {@code rgb(r, g, b)} or {@code rgba(r, g, b, 1)} as 0xRRGGBB. */
	static int rgb(String css) {
		String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
		assertThat(parts.length == 3 || Double.parseDouble(parts[3]) == 1).as("opaque " + css).isTrue();
		return (Integer.parseInt(parts[0]) << 16) | (Integer.parseInt(parts[1]) << 8) | Integer.parseInt(parts[2]);
	}

	static double contrast(int a, int b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(int rgb) {
		return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
	}

	private static double channel(int value) {
		double c = (value & 0xff) / 255.0;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}
}
