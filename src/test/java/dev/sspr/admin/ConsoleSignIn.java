package dev.sspr.admin;

import com.microsoft.playwright.Page;

/** Signs in to the admin console in a browser, as an administrator would. */
final class ConsoleSignIn {

	private ConsoleSignIn() {
	}

	/** @param origin the portal's origin, e.g. {@code http://127.0.0.1:8080} */
	static void signIn(Page page, String origin, String userId, String password) {
		page.navigate(origin + "/admin");
		page.waitForURL("**/admin/sign-in");
		page.fill("#userId", userId);
		page.fill("#password", password);
		page.click("button.primary");
		page.waitForURL("**/admin");
	}
}
