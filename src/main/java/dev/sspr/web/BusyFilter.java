package dev.sspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Past capacity (no database connection within the pool's short timeout) or while the database is
 * unreachable, a request gets the localized "busy, try again in a moment" page with 503 (and
 * {@code Retry-After}, from {@link ErrorPageController}), never a 500, and the log one line without a stack trace. The one place that
 * knows the shapes this takes (Hikari's timeout as JDBC, JPA and Hibernate wrap it), first in the
 * chain so that it also covers the filters that use the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyFilter extends OncePerRequestFilter {

	static final String BUSY = "error.busy";
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(BusyFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!busy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Busy: no database connection for {} {} ({})", request.getMethod(), request.getRequestURI(),
					ex.getClass().getSimpleName());
			request.setAttribute(ErrorPageController.MESSAGE_KEY, BUSY);
			response.resetBuffer();
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
	}

	/** Whether the failure is a connection that could not be had, however wrapped. */
	static boolean busy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
		}
		return false;
	}
}
