package dev.sspr.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text and voice provider adapter against a stubbed Twilio-style API on loopback: what it sends,
 * and which failures the outbox tries again (rate limits, server errors, timeouts) and which not.
 */
class ProviderGatewayTests {

	static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";
	static final String CALLS = "/2010-04-01/Accounts/AC123/Calls.json";

	private WireMockServer provider;
	private ProviderGateway gateway;

	@BeforeEach
	void start() {
		provider = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		provider.start();
		// Generous: a loaded machine must not turn a normal answer into a timeout.
		gateway = gateway(Duration.ofSeconds(30));
	}

	ProviderGateway gateway(Duration requestTimeout) {
		return new ProviderGateway(new DeliveryProperties("SSPR <no-reply@sspr.invalid>", 5, Duration.ofSeconds(10),
				Duration.ofSeconds(2), new DeliveryProperties.Provider("http://127.0.0.1:" + provider.port(), "AC123",
						"secret-token", "+15550000000", Duration.ofSeconds(10), requestTimeout), false, null));
	}

	@AfterEach
	void stop() {
		provider.stop();
	}

	@Test
	void whenATextIsSentThenTheProviderGetsNumberBodyAuthAndAnIdempotencyKey() throws Exception {
		provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
				.withBody("{\"sid\":\"SM0123456789abcdef\",\"status\":\"queued\"}")));
		String id = gateway.deliver(42, new OutgoingMessage(Channel.SMS, "+371 2000 0011", null, "12345678 is your code"));
		assertThat(id).isEqualTo("SM0123456789abcdef");
		provider.verify(postRequestedFor(urlEqualTo(MESSAGES))
				.withHeader("Authorization", equalTo("Basic QUMxMjM6c2VjcmV0LXRva2Vu"))
				.withHeader("Idempotency-Key", equalTo("sspr-42"))
				.withRequestBody(containing("To=%2B371+2000+0011"))
				.withRequestBody(containing("From=%2B15550000000"))
				.withRequestBody(containing("Body=12345678+is+your+code")));
	}

	@Test
	void whenACallIsPlacedThenTheScriptIsReadTwiceAsEscapedTwiml() throws Exception {
		provider.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA1\"}")));
		gateway.deliver(7, new OutgoingMessage(Channel.VOICE, "+15551234567", null, "Your code is 1 2 3 <&>"));
		provider.verify(postRequestedFor(urlEqualTo(CALLS)).withRequestBody(containing("Twiml=")));
		String body = provider.getAllServeEvents().get(0).getRequest().getBodyAsString();
		String twiml = java.net.URLDecoder.decode(body.substring(body.indexOf("Twiml=") + 6).split("&")[0],
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(twiml).startsWith("<Response><Say>Your code is 1 2 3 &lt;&amp;&gt;</Say>")
				.contains("<Pause length=\"1\"/>").endsWith("</Say></Response>");
	}

	@Test
	void whenACallAsksForApprovalThenTheTwimlGathersOneKeyForTheCallback() throws Exception {
		provider.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA2\"}")));
		gateway.deliver(8, new OutgoingMessage(Channel.VOICE, "+15551234567", null, "Press the hash key", null, null, null,
				null, "https://sspr.example/voice/abc_DEF-123"));
		String body = provider.getAllServeEvents().get(0).getRequest().getBodyAsString();
		String twiml = java.net.URLDecoder.decode(body.substring(body.indexOf("Twiml=") + 6).split("&")[0],
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(twiml).startsWith("<Response><Gather numDigits=\"1\"")
				.contains("action=\"https://sspr.example/voice/abc_DEF-123\"").contains("<Say>Press the hash key</Say>");
	}

	@ParameterizedTest
	@CsvSource({ "400, true", "401, true", "404, true", "429, false", "500, false", "503, false" })
	void whenTheProviderRefusesThenOnlyClientErrorsArePermanent(int status, boolean permanent) {
		provider.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status).withBody("{}")));
		assertThatThrownBy(() -> gateway.deliver(1, new OutgoingMessage(Channel.SMS, "+15551234567", null, "body")))
				.isInstanceOf(Transport.DeliveryException.class)
				.satisfies(ex -> assertThat(((Transport.DeliveryException) ex).permanent()).isEqualTo(permanent))
				.hasMessageNotContaining("body");
	}

	@Test
	void whenTheProviderNeverAnswersThenTheTryTimesOutAndWillBeRepeated() throws Exception {
		// A server that takes the connection and never answers: the deadline passes on any machine.
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			ProviderGateway toSilence = new ProviderGateway(new DeliveryProperties("SSPR <no-reply@sspr.invalid>", 5,
					Duration.ofSeconds(10), Duration.ofSeconds(2), new DeliveryProperties.Provider(
							"http://127.0.0.1:" + silent.getLocalPort(), "AC123", "secret-token", "+15550000000",
							Duration.ofSeconds(10), Duration.ofMillis(500)), false, null));
			assertThatThrownBy(() -> toSilence.deliver(1, new OutgoingMessage(Channel.SMS, "+15551234567", null, "body")))
					.isInstanceOf(Transport.DeliveryException.class)
					.satisfies(ex -> assertThat(((Transport.DeliveryException) ex).permanent()).isFalse())
					.hasMessageContaining("timed out");
		}
	}

	@Test
	void whenNothingListensThenTheTryWillBeRepeated() {
		provider.stop();
		assertThatThrownBy(() -> gateway.deliver(1, new OutgoingMessage(Channel.SMS, "+15551234567", null, "body")))
				.satisfies(ex -> assertThat(((Transport.DeliveryException) ex).permanent()).isFalse());
		assertThat(gateway.handles(Channel.SMS)).isTrue();
		assertThat(gateway.handles(Channel.EMAIL)).isFalse();
	}
}
