package dev.sspr.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks that a callback really comes from the text and voice provider: Twilio's scheme, an
 * HMAC-SHA1 with the account token over the full callback URL followed by every POST parameter's
 * name and value in name order, base64-encoded in {@code X-Twilio-Signature}.
 */
@Component
public class CallbackSignatures {

	private final DeliveryProperties properties;
	private final boolean devOutbox;

	CallbackSignatures(DeliveryProperties properties, ObjectProvider<DevOutbox> devOutbox) {
		this.properties = properties;
		this.devOutbox = devOutbox.getIfAvailable() != null;
	}

	/** Whether callbacks must be signed: a provider is configured (the dev outbox's stand-in is not). */
	public boolean required() {
		return properties.provider().configured();
	}

	/**
	 * Whether an unsigned callback may answer a call: only the dev outbox's stand-in button, so only
	 * in the {@code dev} profile and only without a provider (S-25).
	 */
	public boolean unsignedAllowed() {
		return devOutbox && !required();
	}

	/** The portal's public address the provider calls back, without a trailing slash. */
	public String callbackBase() {
		String base = properties.callbackBaseUrl();
		return base == null ? "" : base.replaceAll("/+$", "");
	}

	public boolean valid(String url, Map<String, String> parameters, String signature) {
		if (signature == null || !required()) {
			return false;
		}
		String expected = sign(url, parameters, properties.provider().token());
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** The signature the provider sends for this callback. */
	public static String sign(String url, Map<String, String> parameters, String token) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 unavailable", ex);
		}
	}
}
