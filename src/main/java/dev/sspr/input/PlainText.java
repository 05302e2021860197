package dev.sspr.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text contains no control characters, no replacement character (what undecodable bytes
 * become) and no lone surrogates. Null passes; combine with {@code @NotBlank} where required.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{input.plainText}";

	/** Whether line breaks are allowed (a text area with one entry per line). */
	boolean lines() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};
}
