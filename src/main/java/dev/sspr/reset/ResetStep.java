package dev.sspr.reset;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The steps a reset handler serves. Before it runs, {@link ResetStepInterceptor} sends a request
 * whose flow is due elsewhere to the due step; the handler gets the flow as a {@link ResetFlow}
 * argument, and the flow is saved once after it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface ResetStep {

	Step[] value();
}
