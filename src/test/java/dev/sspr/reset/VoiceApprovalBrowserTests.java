package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DeliveryTest;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.throttle.Throttle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call that asks for # in a real browser: the user picks "call my mobile phone", types the number,
 * "answers" in the dev outbox by pressing # there, and continues with the phone proven.
 */
@DeliveryTest
class VoiceApprovalBrowserTests extends BrowserTestSupport {

	@Autowired
	DevOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttle throttle;

	@Test
	void whenTheUserPressesHashOnTheCallThenTheResetGoesOn() {
		CleanSlate.restore(jdbc, throttle, outbox);
		try (BrowserContext context = newContext("en-US", 390, 844)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			startReset(page, "alex@contoso.example");
			page.waitForURL("**/reset/method");
			page.check("#method-mobile-voice");
			page.click("button.primary");
			page.waitForURL("**/reset/verify");
			page.fill("#destination", "+1 555 010 0101");
			page.click("button.primary");
			page.waitForSelector("text=press # on the keypad");
			shot(page, "voice-en-await-call");

			Page phone = context.newPage();
			phone.navigate(url("/dev/outbox"));
			phone.click("form[action^='/voice/'] button");
			phone.waitForURL("**/dev/outbox");
			phone.close();

			page.click("form[action='/reset/verify/notification'] button.primary");
			page.waitForURL("**/reset/method");
			assertThat(page.locator("#method-mobile-voice").count()).isZero();
			assertThat(errors).isEmpty();
		}
	}
}
