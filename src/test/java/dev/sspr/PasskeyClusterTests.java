package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Ceremonies.Proof;
import dev.sspr.passkey.Passkeys;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A passkey's challenge across instances: the options one instance put in the flow are answered at
 * another (the flow is in the shared session), and the answer is spent for every instance (a row of
 * {@code webauthn_challenge_used}), not only the one that took it.
 */
@PostgresAvailable
class PasskeyClusterTests {

	static PortalCluster cluster;

	@BeforeAll
	static void start() {
		cluster = PortalCluster.start(2);
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void whenOptionsFromOneInstanceAreAnsweredAtAnotherThenAcceptedOnceAndReplayedEverywhereElse() throws Exception {
		PortalCluster.Instance a = cluster.instance(0);
		PortalCluster.Instance b = cluster.instance(1);
		JdbcClient jdbc = b.bean(JdbcClient.class);
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", "http://localhost:8080");
		String user = TestUsers.in(jdbc).contoso().withRegisteredEmail("cluster.passkey@personal.example")
				.withPasskey(a.bean(Passkeys.class), device).create();
		long userPk = jdbc.sql("select id from directory_user where user_id = ?").param(user).query(Long.class).single();
		HttpJourney visitor = new HttpJourney(a.http());

		visitor.at(a.http()).get("/reset");
		String altcha = TestCaptcha.solve(visitor.at(b.http()).get("/captcha/challenge").body());
		assertThat(visitor.at(a.http()).submit("/reset", "userId=" + HttpTestClient.enc(user) + "&altcha="
				+ HttpTestClient.enc(altcha))).isEqualTo("/reset/method");
		assertThat(visitor.at(a.http()).submit("/reset/method", "method=passkey")).isEqualTo("/reset/verify");
		Element options = visitor.at(a.http()).page("/reset/verify").selectFirst("form[data-passkey=get]");
		assertThat(options).isNotNull();
		String challenge = options.attr("data-challenge");
		assertThat(options.attr("data-allow")).isEqualTo(device.credentialId());
		Assertion answer = device.assertion(challenge, null);

		assertThat(visitor.at(b.http()).submit("/reset/verify/passkey", form(answer))).isEqualTo("/reset/method");
		Document methods = visitor.at(a.http()).page("/reset/method");
		assertThat(methods.select("input[name=method][value=passkey]")).as("proven, not offered again").isEmpty();
		assertThat(methods.select("input[name=method][value=email]")).hasSize(1);

		// The same answer once more, on the instance that issued the challenge: spent there too.
		AssertionRequest request = new AssertionRequest(challenge, List.of(device.credentialId()),
				cluster.clock().instant().plus(a.bean(Passkeys.class).timeout()));
		assertThat(a.bean(Passkeys.class).prove(userPk, request, answer)).isEqualTo(Proof.REPLAYED);
		assertThat(b.bean(Passkeys.class).prove(userPk, request, answer)).isEqualTo(Proof.REPLAYED);
		assertThat(jdbc.sql("select count(*) from verification_failure where user_id = ?").param(userPk)
				.query(Long.class).single()).as("a replay is not counted").isZero();
		assertThat(jdbc.sql("select sign_count from passkey_credential where credential_id = ?")
				.param(device.credentialId()).query(Long.class).single()).isEqualTo(1);
		assertThat(visitor.statuses()).doesNotContain(500);
	}

	private static String form(Assertion answer) {
		return "credentialId=" + HttpTestClient.enc(answer.credentialId()) + "&authenticatorData="
				+ HttpTestClient.enc(answer.authenticatorData()) + "&clientDataJson=" + HttpTestClient.enc(answer.clientDataJson())
				+ "&signature=" + HttpTestClient.enc(answer.signature()) + "&userHandle=";
	}
}
