package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import dev.sspr.BrowserTestSupport;
import dev.sspr.DemoUsers;
import dev.sspr.TestUsers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R-23 in a real browser: a relying application (a second loopback origin) sends the user to sign in
 * with {@code ?return_to=}; after sign-in the browser ends on the application's address, which CSP
 * {@code form-action 'self'} would block if the sign-in POST were redirected there.
 */
class ReturnToBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	HttpServer application;
	String origin;

	@BeforeEach
	void startTheApplication() throws Exception {
		application = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		application.createContext("/", exchange -> {
			byte[] page = "<!DOCTYPE html><title>Contoso apps</title><h1 id=app>Contoso apps</h1>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		application.start();
		origin = "http://127.0.0.1:" + application.getAddress().getPort();
		jdbc.sql("insert into return_to_origin (tenant_id, origin) values ((select id from tenant where name = 'contoso'), ?)")
				.param(origin).update();
	}

	@AfterEach
	void stopTheApplication() {
		jdbc.sql("delete from return_to_origin where origin = ?").param(origin).update();
		application.stop(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en-US", "tr-TR", "lv-LV" })
	void whenSignedInFromARelyingApplicationThenTheBrowserEndsOnTheApplication(String language) {
		String user = TestUsers.in(jdbc).contoso().withEmail("back." + language + "@home.example")
				.withMobile("+1 555 060 0" + (100 + language.charAt(0))).create();
		String target = origin + "/home?tab=2&lang=" + language;
		try (BrowserContext context = newContext(language, 390, 844)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			page.navigate(url("/sign-in?return_to=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8)));
			page.fill("#userId", user);
			page.fill("#password", DemoUsers.CONTOSO_PASSWORD);
			page.click("button.primary");

			page.waitForURL(target);
			assertThat(page.textContent("#app")).isEqualTo("Contoso apps");
			assertThat(errors).as("no CSP violation on the way").isEmpty();
		}
	}
}
