package dev.sspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every session that reaches the admin console the console's idle timeout: the container
 * ends it after that long without a request, however the session began (S-65).
 */
final class IdleTimeoutFilter extends OncePerRequestFilter {

	private final int seconds;

	IdleTimeoutFilter(Duration idleTimeout) {
		this.seconds = Math.toIntExact(idleTimeout.toSeconds());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getMaxInactiveInterval() != seconds) {
			session.setMaxInactiveInterval(seconds);
		}
		chain.doFilter(request, response);
		session = request.getSession(false);
		if (session != null && session.getMaxInactiveInterval() != seconds) {
			// Sign-in changes the session id and may have created the session during this request.
			session.setMaxInactiveInterval(seconds);
		}
	}
}
