package dev.sspr.reset;

import dev.sspr.input.IndexedFields;
import dev.sspr.input.PlainText;
import dev.sspr.input.PlainTextValidator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.springframework.validation.Errors;

/**
 * The wizard's forms, bound to records (never to entities). Serializable, as a wrong entry's empty
 * form travels to the step's page in the session's flash map.
 */
final class ResetForms {

	private ResetForms() {
	}

	record IdentifyForm(
			@NotBlank(message = "{reset.identify.userId.required}")
			@Size(max = 320, message = "{input.tooLong}")
			@PlainText
			@Pattern(regexp = "^\\s*$|^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$", message = "{reset.identify.userId.format}")
			String userId,
			@Size(max = 4096, message = "{reset.identify.captcha.failed}") String altcha) {

		static IdentifyForm empty() {
			return new IdentifyForm("", null);
		}
	}

	record MethodForm(@NotBlank(message = "{reset.method.error.choose}") @Size(max = 40, message = "{reset.method.error.choose}") String method)
			implements Serializable {
	}

	record DestinationForm(
			@NotBlank(message = "{reset.verify.destination.required}")
			@Size(max = 320, message = "{input.tooLong}")
			@PlainText String destination) implements Serializable {

		@Override
		public String toString() {
			return "DestinationForm[****]";
		}
	}

	record CodeForm(
			@NotBlank(message = "{reset.verify.code.required}")
			@Size(max = 32, message = "{reset.verify.code.format}")
			@Pattern(regexp = "^\\s*\\d{6,10}\\s*$", message = "{reset.verify.code.format}") String code)
			implements Serializable {

		@Override
		public String toString() {
			return "CodeForm[****]";
		}
	}

	record AnswersForm(List<String> answers) implements Serializable {

		AnswersForm {
			answers = answers == null ? List.of() : answers;
		}

		static final int MAX_ANSWER_LENGTH = 200;

		/** Exactly {@code size} answers, whatever was posted: missing ones blank. */
		AnswersForm sized(int size) {
			return new AnswersForm(IndexedFields.sized(answers, size));
		}

		/** Each answer told beside its own field: missing, too long, or with characters not allowed. */
		void validate(Errors errors) {
			for (int i = 0; i < answers.size(); i++) {
				String answer = answers.get(i);
				String field = "answers[" + i + "]";
				if (answer.isBlank()) {
					errors.rejectValue(field, "reset.verify.questions.required");
				}
				else if (answer.length() > MAX_ANSWER_LENGTH) {
					errors.rejectValue(field, "input.tooLong");
				}
				else if (!PlainTextValidator.isPlain(answer)) {
					errors.rejectValue(field, "input.plainText");
				}
			}
		}

		@Override
		public String toString() {
			return "AnswersForm[" + answers.size() + " answers]";
		}
	}

	record PasswordForm(
			@NotBlank(message = "{reset.password.required}") @Size(max = 1024, message = "{input.tooLong}") @PlainText String newPassword,
			@Size(max = 1024, message = "{input.tooLong}") @PlainText String confirmPassword) implements Serializable {

		@Override
		public String toString() {
			return "PasswordForm[****]";
		}
	}
}
