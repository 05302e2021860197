package dev.sspr.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Texts and calls through a Twilio-style REST API ({@code sspr.delivery.provider.*}): a text is a
 * form POST to {@code /2010-04-01/Accounts/{account}/Messages.json}, a call one to
 * {@code Calls.json} with TwiML that reads the script twice. Client errors (a bad number) are
 * permanent; rate limits, server errors and timeouts are tried again by the outbox.
 */
@Component
final class ProviderGateway implements Transport {

	private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([A-Za-z0-9]{1,64})\"");

	private final DeliveryProperties.Provider provider;
	private final HttpClient http;

	ProviderGateway(DeliveryProperties properties) {
		this.provider = properties.provider();
		this.http = HttpClient.newBuilder().connectTimeout(provider.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public boolean handles(Channel channel) {
		return channel != Channel.EMAIL && provider.configured();
	}

	@Override
	public String deliver(long messageId, OutgoingMessage message) throws DeliveryException {
		Map<String, String> form = message.channel() == Channel.SMS
				? Map.of("To", message.destination(), "From", provider.fromNumber(), "Body", message.body())
				: Map.of("To", message.destination(), "From", provider.fromNumber(), "Twiml",
						message.callbackUrl() == null ? twiml(message.body()) : gather(message.body(), message.callbackUrl()));
		String resource = message.channel() == Channel.SMS ? "Messages.json" : "Calls.json";
		HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl().replaceAll("/+$", "")
						+ "/2010-04-01/Accounts/" + URLEncoder.encode(provider.accountId(), StandardCharsets.UTF_8) + "/" + resource))
				.timeout(provider.requestTimeout())
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
						(provider.accountId() + ":" + provider.token()).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				// The provider drops a repeated request with the same key: a retry after a lost answer sends once.
				.header("Idempotency-Key", "sspr-" + messageId)
				.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
				.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryException("provider timed out", false);
		}
		catch (IOException ex) {
			throw new DeliveryException("provider unreachable", false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted", false);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			Matcher sid = SID.matcher(response.body());
			return sid.find() ? sid.group(1) : null;
		}
		boolean retry = status == 429 || status >= 500;
		throw new DeliveryException("provider answered " + status, !retry);
	}

	/** A call that reads the script, pauses, and reads it again. */
	static String twiml(String script) {
		String say = "<Say>" + HtmlUtils.htmlEscape(script) + "</Say>";
		return "<Response>" + say + "<Pause length=\"1\"/>" + say + "</Response>";
	}

	/** A call that reads the script and reports the one key pressed to the callback. */
	static String gather(String script, String callbackUrl) {
		String say = "<Say>" + HtmlUtils.htmlEscape(script) + "</Say>";
		return "<Response><Gather numDigits=\"1\" finishOnKey=\"\" timeout=\"10\" method=\"POST\" action=\""
				+ HtmlUtils.htmlEscape(callbackUrl) + "\">" + say + say + "</Gather></Response>";
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
	}
}
