package dev.sspr.registration;

import dev.sspr.directory.Directory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session once the user's security stamp has moved on: a password reset or change
 * anywhere else signs every other session out (R-19, S-50). Also ends it for a disabled account.
 * Not a bean on purpose: Boot would register it for every request; the signed-in chain adds it.
 */
public class SessionStampFilter extends OncePerRequestFilter {

	private final Directory directory;
	private final String signInPath;
	private final boolean administratorsOnly;

	/**
	 * @param signInPath where an ended session is sent, e.g. {@code /sign-in}
	 * @param administratorsOnly also end an administrator's session once they are no longer one (the
	 *     admin console: a revoked role takes effect at the next request, not the next sign-in)
	 */
	public SessionStampFilter(Directory directory, String signInPath, boolean administratorsOnly) {
		this.directory = directory;
		this.signInPath = signInPath;
		this.administratorsOnly = administratorsOnly;
	}

	/** Someone who never was an administrator is simply refused the console, their session kept. */
	private static boolean signedInAsAdministrator(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			boolean current = directory.user(user.userPk())
					.filter(u -> u.enabled() && u.securityStamp() == user.securityStamp())
					.filter(u -> !(administratorsOnly && signedInAsAdministrator(authentication)) || u.administrator())
					.isPresent();
			if (!current) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + signInPath + "?ended");
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
