package dev.sspr.guest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The invitation's link carries its token in the query string, which Spring Security and Spring MVC
 * write into their debug logs with the request line. Before either sees the request, the query string
 * they read names the token's place but not its value; the parameter itself is untouched.
 */
final class InvitationTokenFilter extends OncePerRequestFilter {

	private static final Pattern TOKEN = Pattern.compile("(^|&)token=[^&]*");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/invitation");
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getQueryString() {
				String query = super.getQueryString();
				return query == null ? null : TOKEN.matcher(query).replaceAll("$1token=(hidden)");
			}
		}, response);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<InvitationTokenFilter> invitationTokenFilter() {
			FilterRegistrationBean<InvitationTokenFilter> registration = new FilterRegistrationBean<>(new InvitationTokenFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}
	}
}
