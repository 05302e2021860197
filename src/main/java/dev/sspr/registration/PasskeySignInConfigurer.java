package dev.sspr.registration;

import java.util.Objects;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Adds passkey sign-in ({@link PasskeySignIn#PATH}) to the chain that signs users in with a password,
 * ending the same way: {@link SignInFlow} on success and failure, and the chain's own session
 * strategy (the session id changes, S-60) and context repository, exactly as {@code formLogin} takes
 * them. Not a bean: Spring Security would apply it to every chain.
 */
public final class PasskeySignInConfigurer extends AbstractHttpConfigurer<PasskeySignInConfigurer, HttpSecurity> {

	private final PasskeySignIn signIn;
	private final SignInFlow flow;

	public PasskeySignInConfigurer(PasskeySignIn signIn, SignInFlow flow) {
		this.signIn = signIn;
		this.flow = flow;
	}

	@Override
	public void configure(HttpSecurity http) {
		PasskeySignInFilter filter = new PasskeySignInFilter(signIn);
		filter.setAuthenticationSuccessHandler(flow);
		filter.setAuthenticationFailureHandler(flow);
		// Set by session management when the chain initialised; missing, a sign-in would keep its session id.
		filter.setSessionAuthenticationStrategy(Objects.requireNonNull(
				http.getSharedObject(SessionAuthenticationStrategy.class), "the chain has no session management"));
		filter.setSecurityContextRepository(Objects.requireNonNull(
				http.getSharedObject(SecurityContextRepository.class), "the chain has no security context repository"));
		filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.addFilterAfter(filter, UsernamePasswordAuthenticationFilter.class);
	}
}
