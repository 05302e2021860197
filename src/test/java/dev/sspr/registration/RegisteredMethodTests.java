package dev.sspr.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sspr.policy.MethodKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a user registers, as the security-info URLs name it, and the methods each stands for. */
class RegisteredMethodTests {

	@Test
	void whenAPathNamesAKindThenItStandsForItsMethods() {
		assertThat(RegisteredMethod.of("email").methods()).containsExactly(MethodKind.EMAIL);
		assertThat(RegisteredMethod.of("phone").methods()).containsExactly(MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE);
		assertThat(RegisteredMethod.of("questions").methods()).containsExactly(MethodKind.SECURITY_QUESTIONS);
		assertThat(RegisteredMethod.of("app").methods()).containsExactly(MethodKind.APP_CODE, MethodKind.APP_NOTIFICATION);
		for (RegisteredMethod method : RegisteredMethod.values()) {
			assertThat(RegisteredMethod.of(method.path())).isEqualTo(method);
		}
	}

	@Test
	void whenEveryKindIsListedThenEachMethodTheUserRegistersBelongsToOneOfThem() {
		Set<MethodKind> covered = EnumSet.noneOf(MethodKind.class);
		Stream.of(RegisteredMethod.values()).map(RegisteredMethod::methods).forEach(covered::addAll);
		// The office phone comes from the directory, never from the security-info page.
		assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.of(MethodKind.OFFICE_VOICE)));
	}

	@Test
	void whenAKindIsAContactThenItIsProvedByACodeAndHasADestinationShape() {
		assertThat(Stream.of(RegisteredMethod.values()).filter(RegisteredMethod::contact).toList())
				.isEqualTo(List.of(RegisteredMethod.EMAIL, RegisteredMethod.PHONE));
		assertThat(RegisteredMethod.EMAIL.validDestination("ayse@contoso.example")).isTrue();
		assertThat(RegisteredMethod.EMAIL.validDestination("+1 555 010 0101")).isFalse();
		assertThat(RegisteredMethod.PHONE.validDestination("+1 555 010 0101")).isTrue();
		assertThat(RegisteredMethod.PHONE.validDestination("(12345)")).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> RegisteredMethod.APP.validDestination("x"));
	}

	@Test
	void whenAPathNamesNoKindThenItIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RegisteredMethod.of("office"));
	}
}
