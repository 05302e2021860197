package dev.sspr.registration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A security-info handler that changes a way to recover the account: unless the password was typed
 * in the last five minutes, {@link Reauthentication} answers with the page that asks for it again
 * instead of running the handler. The handler takes a {@code Model} for that page.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface RecentPassword {

	/** The method changed: {@code email}, {@code phone}, {@code questions}, {@code app} or {@code passkey}; empty for the {kind} in the path. */
	String kind() default "";

	/** Only when the user already has this method (replacing it); adding a first one needs no password again. */
	boolean onlyToReplace() default false;
}
