package dev.sspr.web;

import dev.sspr.directory.Directory;
import dev.sspr.registration.DirectoryAuthenticationProvider;
import dev.sspr.registration.SessionStampFilter;
import dev.sspr.registration.SignInFlow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains with the same headers (S-61) and CSRF protection (S-60): the admin console, the
 * signed-in end-user area (security info), and the anonymous reset portal. The CSRF token lives in a cookie rather than
 * the session, so that showing a form creates no server-side state.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; worker-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * The admin console: administrators only, with its own sign-in page, the session id changed
	 * at sign-in, and a shorter idle timeout than the end-user pages. The tenant comes from the
	 * signed-in administrator, never from the request.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain admin(HttpSecurity http, DirectoryAuthenticationProvider users, Directory directory,
			AdminProperties properties) throws Exception {
		http.securityMatcher("/admin", "/admin/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers("/admin/sign-in").permitAll()
						.anyRequest().hasRole("ADMIN"))
				.authenticationProvider(users)
				.formLogin(form -> form.loginPage("/admin/sign-in").loginProcessingUrl("/admin/sign-in")
						.usernameParameter("userId").passwordParameter("password")
						.defaultSuccessUrl("/admin", true).failureUrl("/admin/sign-in?error"))
				.logout(logout -> logout.logoutUrl("/admin/sign-out").logoutSuccessUrl("/admin/sign-in?signedOut"))
				.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
				.addFilterAfter(new SessionStampFilter(directory, "/admin/sign-in", true), AnonymousAuthenticationFilter.class)
				.addFilterAfter(new IdleTimeoutFilter(properties.idleTimeout()), SessionStampFilter.class);
		return common(http).build();
	}

	/** Sign-in with user ID and password; the session id changes at sign-in (S-60). */
	@Bean
	@Order(1)
	SecurityFilterChain signedIn(HttpSecurity http, DirectoryAuthenticationProvider users, Directory directory,
			SignInFlow signInFlow) throws Exception {
		http.securityMatcher("/sign-in", "/sign-out", "/security-info", "/security-info/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers("/sign-in").permitAll()
						.anyRequest().hasRole("USER"))
				.authenticationProvider(users)
				.formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
						.usernameParameter("userId").passwordParameter("password")
						.successHandler(signInFlow).failureUrl("/sign-in?error"))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFlow))
				.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
				.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
				.addFilterAfter(new SessionStampFilter(directory, "/sign-in", false), AnonymousAuthenticationFilter.class);
		return common(http).build();
	}

	/** The anonymous reset portal; it never signs anyone in (S-50). */
	@Bean
	@Order(2)
	SecurityFilterChain portal(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/", "/reset", "/reset/**", "/captcha/challenge", "/css/**", "/js/**",
								"/vendor/**", "/img/**", "/branding/**", "/favicon.ico", "/error", "/actuator/health", "/dev/outbox",
								"/dev/authenticator", "/voice/*")
						.permitAll()
						.anyRequest().denyAll())
				// The voice provider's callback carries its signature instead of a CSRF token.
				.csrf(csrf -> csrf.ignoringRequestMatchers("/voice/*"))
				.formLogin(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable);
		return common(http).build();
	}

	private static HttpSecurity common(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("SSPR_CSRF");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
				.requestCache(cache -> cache.disable())
				.httpBasic(AbstractHttpConfigurer::disable)
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
						.frameOptions(frame -> frame.deny()));
	}
}
