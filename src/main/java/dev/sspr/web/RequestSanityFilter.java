package dev.sspr.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, so that no header or body a client sends becomes a 500 or a
 * stack trace in the log (S-14):
 * <ul>
 * <li>the request's locale comes from {@link SupportedLocales} (which reads any {@code Accept-Language}
 * and never fails) instead of Tomcat's parser, which throws past ten language ranges;</li>
 * <li>a form whose parameters cannot be read (larger than allowed, too many fields, a broken multipart
 * body) is answered with Tomcat's status for it (413 or 400), the localized error page and one log
 * line, before anything else reads it (Tomcat would throw on every read, the error page's own
 * included);</li>
 * <li>a field named with a list index past any form's length ({@code answers[99999]}) is a 400: Spring's
 * binding would throw on it rather than reject it.</li>
 * </ul>
 */
final class RequestSanityFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestSanityFilter.class);
	/** Marks a request whose body was refused, so that its error page does not try to read it again. */
	private static final String REFUSED = RequestSanityFilter.class.getName() + ".refused";
	private static final int MAX_LOGGED_PATH = 200;
	/** An index of three digits or more: no form of the portal has a list of a hundred fields. */
	private static final Pattern INDEX_TOO_LARGE = Pattern.compile("\\[\\d{3,}]");

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SafeRequest safe = new SafeRequest(request, request.getAttribute(REFUSED) != null);
		int unreadable = request.getDispatcherType() == DispatcherType.REQUEST ? safe.parameterFailure() : 0;
		if (unreadable != 0) {
			String path = request.getRequestURI();
			log.info("Refused {} {}: its parameters cannot be read ({})", request.getMethod(),
					path.length() > MAX_LOGGED_PATH ? path.substring(0, MAX_LOGGED_PATH) : path, unreadable);
			request.setAttribute(REFUSED, Boolean.TRUE);
			response.sendError(unreadable);
			return;
		}
		chain.doFilter(safe, response);
	}

	/**
	 * Locale from {@link SupportedLocales}; parameters that could not be read are no parameters; and a
	 * refused body has no content type, so that nothing (Spring's multipart support on the error page)
	 * tries to parse it again.
	 */
	static final class SafeRequest extends HttpServletRequestWrapper {

		private final Locale locale;
		private final boolean bodyRefused;

		SafeRequest(HttpServletRequest request, boolean bodyRefused) {
			super(request);
			this.locale = SupportedLocales.match(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
			this.bodyRefused = bodyRefused;
		}

		@Override
		public String getContentType() {
			return bodyRefused ? null : super.getContentType();
		}

		@Override
		public String getHeader(String name) {
			return bodyRefused && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		/** 0 when the parameters can be read, else the status that says why not. */
		int parameterFailure() {
			try {
				boolean indexTooLarge = super.getParameterMap().keySet().stream()
						.anyMatch(name -> INDEX_TOO_LARGE.matcher(name).find());
				return indexTooLarge ? HttpStatus.BAD_REQUEST.value() : 0;
			}
			catch (InvalidParameterException ex) {
				return ex.getErrorCode() >= 400 && ex.getErrorCode() < 500 ? ex.getErrorCode() : HttpStatus.BAD_REQUEST.value();
			}
			catch (IllegalStateException ex) {
				return HttpStatus.BAD_REQUEST.value();
			}
		}

		@Override
		public Locale getLocale() {
			return locale;
		}

		@Override
		public Enumeration<Locale> getLocales() {
			return Collections.enumeration(List.of(locale));
		}

		@Override
		public String getParameter(String name) {
			try {
				return super.getParameter(name);
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (IllegalStateException ex) {
				return Map.of();
			}
		}

		@Override
		public Enumeration<String> getParameterNames() {
			try {
				return super.getParameterNames();
			}
			catch (IllegalStateException ex) {
				return Collections.emptyEnumeration();
			}
		}

		@Override
		public String[] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}
	}
}
