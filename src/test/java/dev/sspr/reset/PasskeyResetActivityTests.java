package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.TestUsers;
import dev.sspr.demo.SoftwareAuthenticator;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.MethodKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the audit log keeps of a reset proven with a passkey: the method PASSKEY beside the other one,
 * the name the console's activity page and export then show as "Passkey" (PasskeyAdminTests).
 */
class PasskeyResetActivityTests extends ResetWebTestSupport {

	@Autowired
	Passkeys passkeys;

	private void usePasskey(MockJourney reset, Assertion assertion) throws Exception {
		mvc.perform(post("/reset/verify/passkey").session(reset.session()).with(csrf())
				.with(request -> { request.setRemoteAddr(reset.address()); return request; })
				.param("credentialId", assertion.credentialId()).param("authenticatorData", assertion.authenticatorData())
				.param("clientDataJson", assertion.clientDataJson()).param("signature", assertion.signature())
				.param("userHandle", assertion.userHandle() == null ? "" : assertion.userHandle())).andReturn();
	}

	@Test
	void whenAResetIsProvenWithAnEmailCodeAndAPasskeyThenTheLogRecordsBothMethods() throws Exception {
		SoftwareAuthenticator device = SoftwareAuthenticator.create("localhost", "http://localhost:8080");
		// Contoso requires two methods and allows passkeys.
		String userId = TestUsers.in(jdbc).contoso().withRegisteredEmail("pk-activity@personal.example")
				.withPasskey(passkeys, device).create();
		MockJourney reset = journey("en");
		reset.identify(userId);
		reset.chooseMethod("email");
		reset.confirmDestination("pk-activity@personal.example");
		reset.enterCode(reset.lastCode());
		reset.chooseMethod("passkey");
		usePasskey(reset, device.assertion(reset.flow().challenge().passkey().challenge(), null));
		assertThat(reset.flow().proven()).containsExactly(MethodKind.EMAIL, MethodKind.PASSKEY);

		assertThat(reset.newPassword("Harbour-Lantern-Quiet-42", "Harbour-Lantern-Quiet-42").getResponse()
				.getRedirectedUrl()).isEqualTo("/reset/done");

		List<String> verified = jdbc.sql("""
				select methods from audit_record where subject = ? and event_type = 'METHOD_VERIFIED' order by id""")
				.param(userId).query(String.class).list();
		assertThat(verified).containsExactly("EMAIL", "PASSKEY");
		String completed = jdbc.sql("""
				select methods from audit_record where subject = ? and event_type = 'PASSWORD_RESET' and outcome = 'SUCCESS'""")
				.param(userId).query(String.class).single();
		assertThat(completed).isEqualTo("EMAIL,PASSKEY");
	}
}
