package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.reset.ResetForms.AnswersForm;
import dev.sspr.reset.ResetForms.CodeForm;
import dev.sspr.reset.ResetForms.IdentifyForm;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

/** The wizard's form rules without a server: each bad entry gets its own message key beside its field. */
class ResetFormsTests {

	static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
			.messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
			.buildValidatorFactory().getValidator();

	static List<String> templates(Object form) {
		return VALIDATOR.validate(form).stream().map(ConstraintViolation::getMessageTemplate).sorted().toList();
	}

	@Test
	void whenTheUserIdIsMissingOrMalformedThenItsMessage() {
		assertThat(templates(new IdentifyForm("", null))).containsExactly("{reset.identify.userId.required}");
		assertThat(templates(new IdentifyForm("not an address", null))).containsExactly("{reset.identify.userId.format}");
		assertThat(templates(new IdentifyForm("a".repeat(400) + "@contoso.example", null))).contains("{input.tooLong}");
		assertThat(templates(new IdentifyForm("alex@contoso.example", null))).isEmpty();
	}

	@Test
	void whenTheCodeIsNotDigitsThenItsFormatMessage() {
		assertThat(templates(new CodeForm("12ab56"))).containsExactly("{reset.verify.code.format}");
		assertThat(templates(new CodeForm(" 12345678 "))).isEmpty();
	}

	@Test
	void whenAnswersAreMissingTooLongOrNotPlainThenEachBesideItsOwnField() {
		AnswersForm form = new AnswersForm(List.of("", "x".repeat(201), "a\u0007b", "fine")).sized(4);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "answersForm");
		form.validate(errors);
		assertThat(errors.getFieldErrors()).extracting(FieldError::getField, FieldError::getCode).containsExactly(
				org.assertj.core.groups.Tuple.tuple("answers[0]", "reset.verify.questions.required"),
				org.assertj.core.groups.Tuple.tuple("answers[1]", "input.tooLong"),
				org.assertj.core.groups.Tuple.tuple("answers[2]", "input.plainText"));
	}

	@Test
	void whenFewerAnswersArePostedThanAskedThenTheMissingOnesAreBlank() {
		assertThat(new AnswersForm(List.of("one")).sized(3).answers()).containsExactly("one", "", "");
	}
}
