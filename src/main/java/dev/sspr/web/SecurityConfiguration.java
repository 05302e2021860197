package dev.sspr.web;

import dev.sspr.directory.Directory;
import dev.sspr.registration.PasskeySignIn;
import dev.sspr.registration.PasskeySignInConfigurer;
import dev.sspr.registration.SessionStampFilter;
import dev.sspr.registration.SignInFlow;
import dev.sspr.registration.SignInThrottledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains with the same headers (S-61) and CSRF protection (S-60): the admin console, the
 * signed-in end-user area (security info), and the anonymous reset portal. The CSRF token lives in a cookie rather than
 * the session, so that showing a form creates no server-side state. Sign-in goes through the one
 * {@link dev.sspr.registration.DirectoryAuthenticationProvider} bean, which Spring Security makes the
 * global provider; adding it to a chain as well would run it twice per failed sign-in (a chain's
 * manager asks its parent after a failure), spending two of the user's sign-in attempts on each.
 * Passkey sign-in ({@link PasskeySignIn}) is no provider bean for the same reason: its filter asks it
 * directly, through a manager of its own with no parent.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; worker-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	/** Anyone may open these; everything else of the anonymous chain answers 404. */
	private static final List<String> PUBLIC = List.of("/", "/reset", "/reset/**", "/captcha/challenge", "/css/**",
			"/js/**", "/vendor/**", "/img/**", "/branding/**", "/favicon.ico", "/error", "/actuator/health",
			"/actuator/health/*", "/voice/*", "/invitation");

	/** The dev profile's pages, which show every code: never opened outside that profile (S-25). */
	private static final List<String> DEV_ONLY = List.of("/dev/outbox", "/dev/authenticator");

	/**
	 * The admin console: administrators only, with its own sign-in page, the session id changed
	 * at sign-in, and a shorter idle timeout than the end-user pages. The tenant comes from the
	 * signed-in administrator, never from the request.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain admin(HttpSecurity http, Directory directory, AdminProperties properties) throws Exception {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/admin/sign-in?error");
		// A failed sign-in is nobody's session: nothing is kept on the server for it.
		failures.setAllowSessionCreation(false);
		failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/admin/sign-in?throttled"));
		http.securityMatcher("/admin", "/admin/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers("/admin/sign-in").permitAll()
						.anyRequest().hasRole("ADMIN"))
				.formLogin(form -> form.loginPage("/admin/sign-in").loginProcessingUrl("/admin/sign-in")
						.usernameParameter("userId").passwordParameter("password")
						.defaultSuccessUrl("/admin", true).failureHandler(failures))
				.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(notAnAdministrator()))
				.logout(logout -> logout.logoutUrl("/admin/sign-out").logoutSuccessUrl("/admin/sign-in?signedOut"))
				.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
				.addFilterAfter(new SessionStampFilter(directory, "/admin/sign-in", true), AnonymousAuthenticationFilter.class)
				.addFilterAfter(new IdleTimeoutFilter(properties.idleTimeout()), SessionStampFilter.class);
		return common(http).build();
	}

	/**
	 * Sign-in with user ID and password, or with a passkey; either way the session id changes at
	 * sign-in (S-60) and {@link SignInFlow} decides where it leads.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain signedIn(HttpSecurity http, Directory directory, SignInFlow signInFlow, PasskeySignIn passkeySignIn)
			throws Exception {
		http.securityMatcher("/sign-in", PasskeySignIn.PATH, "/sign-out", "/security-info", "/security-info/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers("/sign-in").permitAll()
						.anyRequest().hasRole("USER"))
				.formLogin(form -> form.loginPage("/sign-in").loginProcessingUrl("/sign-in")
						.usernameParameter("userId").passwordParameter("password")
						.successHandler(signInFlow).failureHandler(signInFlow))
				.with(new PasskeySignInConfigurer(passkeySignIn, signInFlow))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInFlow))
				.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
				.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
				.addFilterAfter(new SessionStampFilter(directory, "/sign-in", false), AnonymousAuthenticationFilter.class);
		return common(http).build();
	}

	/**
	 * The anonymous reset portal; it never signs anyone in (S-50). An address it does not serve answers
	 * 404, the same whether or not something lives there; only a missing or wrong CSRF token is a 403.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain portal(HttpSecurity http, Environment environment) throws Exception {
		List<String> open = new ArrayList<>(PUBLIC);
		if (environment.matchesProfiles("dev")) {
			open.addAll(DEV_ONLY);
		}
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(open.toArray(String[]::new)).permitAll()
						.anyRequest().denyAll())
				// The voice provider's callback carries its signature instead of a CSRF token.
				.csrf(csrf -> csrf.ignoringRequestMatchers("/voice/*"))
				.exceptionHandling(exceptions -> exceptions
						.authenticationEntryPoint((request, response, ex) -> response.sendError(HttpStatus.NOT_FOUND.value())))
				.formLogin(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable);
		return common(http).build();
	}

	/**
	 * A signed-in user without the administrator role is told so, instead of "this page expired"; a
	 * CSRF failure stays the expired-page 403.
	 */
	private static AccessDeniedHandler notAnAdministrator() {
		AccessDeniedHandler expired = new AccessDeniedHandlerImpl();
		return (request, response, ex) -> {
			if (!(ex instanceof CsrfException)) {
				request.setAttribute(ErrorPageController.MESSAGE_KEY, ErrorPageController.NOT_ADMINISTRATOR);
			}
			expired.handle(request, response, ex);
		};
	}

	private static HttpSecurity common(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("SSPR_CSRF");
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new LenientCsrfTokenHandler()))
				.requestCache(cache -> cache.disable())
				.httpBasic(AbstractHttpConfigurer::disable)
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
						.frameOptions(frame -> frame.deny()));
	}
}
