package dev.sspr;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import dev.sspr.demo.SoftwareAuthenticator;
import java.util.Base64;

/**
 * Chromium's virtual authenticator, through the DevTools protocol's WebAuthn domain (experimental, and
 * Chromium only): a platform authenticator with user verification that answers at once. A test plants
 * the passkey a {@link SoftwareAuthenticator} registered, so the browser answers with that key. Binary
 * values in this protocol are standard base64 with padding, not base64url. One per page, added after
 * the page's first navigation.
 */
public final class VirtualAuthenticator {

	private final CDPSession cdp;
	private final String id;

	private VirtualAuthenticator(CDPSession cdp, String id) {
		this.cdp = cdp;
		this.id = id;
	}

	/** A new, empty authenticator for this page. */
	public static VirtualAuthenticator on(Page page) {
		CDPSession cdp = page.context().newCDPSession(page);
		JsonObject enable = new JsonObject();
		enable.addProperty("enableUI", false);
		cdp.send("WebAuthn.enable", enable);
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("ctap2Version", "ctap2_1");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		// Without it, navigator.credentials.get never resolves.
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject parameters = new JsonObject();
		parameters.add("options", options);
		return new VirtualAuthenticator(cdp, cdp.send("WebAuthn.addVirtualAuthenticator", parameters)
				.get("authenticatorId").getAsString());
	}

	/** Puts this device's passkey (non-discoverable, counter 0, not backed up) into the authenticator. */
	public VirtualAuthenticator plant(SoftwareAuthenticator device, String rpId) {
		JsonObject credential = new JsonObject();
		credential.addProperty("credentialId",
				Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(device.credentialId())));
		credential.addProperty("isResidentCredential", false);
		credential.addProperty("rpId", rpId);
		credential.addProperty("privateKey", device.privateKeyPkcs8());
		credential.addProperty("signCount", 0);
		// Else they follow the authenticator's defaults, and a backup-eligible answer is refused (BE changed).
		credential.addProperty("backupEligibility", false);
		credential.addProperty("backupState", false);
		JsonObject parameters = authenticator();
		parameters.add("credential", credential);
		cdp.send("WebAuthn.addCredential", parameters);
		return this;
	}

	/** From now on the authenticator says it verified the user when it did not (the UV flag is clear). */
	public VirtualAuthenticator badUserVerification() {
		JsonObject parameters = authenticator();
		parameters.addProperty("isBadUV", true);
		cdp.send("WebAuthn.setResponseOverrideBits", parameters);
		return this;
	}

	/** How many passkeys the authenticator holds. */
	public int credentials() {
		return cdp.send("WebAuthn.getCredentials", authenticator()).getAsJsonArray("credentials").size();
	}

	private JsonObject authenticator() {
		JsonObject parameters = new JsonObject();
		parameters.addProperty("authenticatorId", id);
		return parameters;
	}
}
