package dev.sspr.registration;

import dev.sspr.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Re-issues the signed-in user of this session, with a new session id: under the user's current
 * security stamp after a password change (every other session ends), and with a fresh sign-in time
 * after a re-authentication.
 */
@Component
final class SessionRenewal {

	private final Directory directory;
	private final Clock clock;
	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SessionRenewal(Directory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	SignedInUser renew(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		long stamp = directory.user(user.userPk()).orElseThrow().securityStamp();
		SignedInUser renewed = user.renewed(stamp, clock.instant());
		Authentication old = SecurityContextHolder.getContext().getAuthentication();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null, old.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		return renewed;
	}
}
