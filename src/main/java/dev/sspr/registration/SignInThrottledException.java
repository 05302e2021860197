package dev.sspr.registration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused by a limit (per address or per user ID) before the password was looked at:
 * the page says to try later, not that the password is wrong (which it may not be).
 */
public final class SignInThrottledException extends AuthenticationException {

	SignInThrottledException() {
		super("sign-in throttled");
	}
}
