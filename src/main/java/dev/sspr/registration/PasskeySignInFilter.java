package dev.sspr.registration;

import dev.sspr.passkey.AssertionForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** Takes the passkey form's POST; {@link PasskeySignInConfigurer} gives it the chain's handlers. */
final class PasskeySignInFilter extends AbstractAuthenticationProcessingFilter {

	PasskeySignInFilter(PasskeySignIn signIn) {
		// Its own manager, with no parent: a failure is never handed on to the password provider.
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PasskeySignIn.PATH),
				authentication -> signIn.authenticate((PasskeyAuthenticationToken) authentication));
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
		AssertionForm answer = new AssertionForm(request.getParameter("credentialId"), request.getParameter("authenticatorData"),
				request.getParameter("clientDataJson"), request.getParameter("signature"), request.getParameter("userHandle"));
		return getAuthenticationManager().authenticate(
				new PasskeyAuthenticationToken(request.getParameter("challenge"), answer, request.getRemoteAddr()));
	}
}
