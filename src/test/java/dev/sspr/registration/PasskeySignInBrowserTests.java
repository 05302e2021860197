package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import dev.sspr.BrowserTestSupport;
import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Passkeys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in page's passkey form in Chromium, with a virtual authenticator holding the user's passkey
 * (the same key the portal registered through {@link SoftwareAuthenticator}): passkey.js asks the
 * device with the page's signed challenge and no allowed list, and the answer signs the user in.
 * Passkeys only work on http://localhost, never on an IP address.
 */
class PasskeySignInBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passkeys passkeys;

	@Test
	void whenTheDeviceHoldsTheUsersPasskeyThenTheSignInPageSignsInWithItAndNoPassword() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair keys = generator.generateKeyPair();
		byte[] credentialId = new byte[32];
		new SecureRandom().nextBytes(credentialId);
		String origin = "http://localhost:" + port;
		SoftwareAuthenticator device = SoftwareAuthenticator.of(
				Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
				Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
				Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId), "localhost", origin);
		String userId = TestUsers.in(jdbc).contoso().withEmail("pk.browser@home.example").withMobile("+1 555 010 1010")
				.withPasskey(passkeys, device).create();
		String handle = jdbc.sql("select user_handle from passkey_user where user_id = (select id from directory_user where user_id = ?)")
				.param(userId).query(String.class).single();

		try (BrowserContext context = newContext("en-US", 1280, 900)) {
			List<String> errors = watchConsole(context);
			Page page = context.newPage();
			CDPSession cdp = context.newCDPSession(page);
			cdp.send("WebAuthn.enable");
			JsonObject options = new JsonObject();
			options.addProperty("protocol", "ctap2");
			options.addProperty("transport", "internal");
			options.addProperty("hasResidentKey", true);
			options.addProperty("hasUserVerification", true);
			options.addProperty("isUserVerified", true);
			options.addProperty("automaticPresenceSimulation", true);
			JsonObject add = new JsonObject();
			add.add("options", options);
			String authenticatorId = cdp.send("WebAuthn.addVirtualAuthenticator", add).get("authenticatorId").getAsString();
			JsonObject credential = new JsonObject();
			credential.addProperty("credentialId", Base64.getEncoder().encodeToString(credentialId));
			credential.addProperty("isResidentCredential", true);
			credential.addProperty("rpId", "localhost");
			credential.addProperty("privateKey", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
			credential.addProperty("userHandle", Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(handle)));
			credential.addProperty("signCount", 1);
			JsonObject held = new JsonObject();
			held.addProperty("authenticatorId", authenticatorId);
			held.add("credential", credential);
			cdp.send("WebAuthn.addCredential", held);

			page.navigate(origin + "/sign-in");
			page.click("form[data-passkey] button[type=submit]");
			page.waitForURL("**/security-info");

			assertThat(page.url()).isEqualTo(origin + "/security-info");
			assertThat(page.title()).isEqualTo("Security info");
			assertThat(errors).isEmpty();
		}
	}
}
