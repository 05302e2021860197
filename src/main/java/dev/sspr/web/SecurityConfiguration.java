package dev.sspr.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The end-user portal's filter chain. CSRF on every unsafe request (S-60) with the token in a
 * cookie rather than the session, so that showing a form creates no server-side state; headers of
 * S-61; no login here (the reset flow is anonymous until proven, and never signs in, S-50).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; worker-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain portal(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("SSPR_CSRF");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/", "/reset", "/reset/**", "/captcha/challenge", "/css/**", "/js/**",
								"/vendor/**", "/img/**", "/favicon.ico", "/error", "/actuator/health", "/dev/outbox", "/dev/authenticator")
						.permitAll()
						.anyRequest().denyAll())
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
				.requestCache(cache -> cache.disable())
				.formLogin(AbstractHttpConfigurer::disable)
				.httpBasic(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
						.frameOptions(frame -> frame.deny()));
		return http.build();
	}
}
