package dev.sspr.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.directory.PasswordSource;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.SsprPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** which directory field feeds which method, and which factor each stands for (S-32). */
class MethodInventoryTests {

	static UserAccount user(String alternateEmail, String authEmail, String mobile, String authPhone, String office) {
		return new UserAccount(1, 1, "u@contoso.example", "U", "U", "U", "u@contoso.example", alternateEmail, authEmail,
				mobile, authPhone, office, Set.of(), Set.of(), true, false, true, PasswordSource.CLOUD, 0, null);
	}

	static List<AvailableMethod> methods(UserAccount user, int answers, boolean app) {
		return TestVerifiers.inventory().availableMethods(user, SsprPolicy.decoy(),
				new MethodInventory.Registration(answers, app));
	}

	@Test
	void whenAuthenticationEmailSetThenItWinsOverAlternate() {
		assertThat(methods(user("alt@x.example", "auth@x.example", null, null, null), 0, false))
				.containsExactly(new AvailableMethod(MethodKind.EMAIL, "email:auth@x.example"));
		assertThat(user("alt@x.example", "auth@x.example", null, null, null).resetEmail()).isEqualTo("auth@x.example");
	}

	@Test
	void whenOnlyAlternateEmailThenItIsUsed() {
		assertThat(user("alt@x.example", null, null, null, null).resetEmail()).isEqualTo("alt@x.example");
		assertThat(user("alt@x.example", " ", null, null, null).resetEmail()).isEqualTo("alt@x.example");
	}

	@Test
	void whenAuthenticationPhoneSetThenItWinsOverPublicMobile() {
		assertThat(user(null, null, "+1 555 0000", "+1 555 9999", null).resetMobile()).isEqualTo("+1 555 9999");
		assertThat(user(null, null, "+1 555 0000", null, null).resetMobile()).isEqualTo("+1 555 0000");
	}

	@Test
	void whenPhoneSetThenTextAndCallShareOneFactorAndOfficeHasItsOwn() {
		List<AvailableMethod> methods = methods(user(null, null, "+1 (555) 0000", null, "+1 555 1111"), 0, false);

		assertThat(methods).extracting(AvailableMethod::kind)
				.containsExactly(MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE, MethodKind.OFFICE_VOICE);
		assertThat(methods.get(0).factor()).isEqualTo(methods.get(1).factor()).isEqualTo("phone:15550000");
		assertThat(methods.get(2).factor()).isEqualTo("phone:15551111");
	}

	@Test
	void whenFewerAnswersThanThePolicyAsksThenQuestionsDoNotCount() {
		assertThat(methods(user(null, null, null, null, null), 2, false)).isEmpty();
		assertThat(methods(user(null, null, null, null, null), 3, true)).extracting(AvailableMethod::kind)
				.containsExactly(MethodKind.APP_CODE, MethodKind.APP_NOTIFICATION, MethodKind.SECURITY_QUESTIONS);
	}
}
