package dev.sspr.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where sign-in leads: to the registration prompt when one is due, otherwise to the
 * relying application's allowed {@code return_to}, otherwise to the security-info page. And the way
 * in for someone not signed in, or whose sign-in failed, keeping {@code return_to} in the address
 * (never in a session: nobody is signed in yet).
 */
@Component
public final class SignInFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
		AuthenticationEntryPoint {

	private final RegistrationPrompts prompts;
	private final ReturnTo returnTo;

	SignInFlow(RegistrationPrompts prompts, ReturnTo returnTo) {
		this.prompts = prompts;
		this.returnTo = returnTo;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SignedInUser user = (SignedInUser) authentication.getPrincipal();
		// Signed in now, so the session exists: the relying application's address may be kept there.
		returnTo.capture(request);
		String target = switch (prompts.promptFor(user.userPk())) {
			case REGISTER -> "/security-info?setup";
			case RECONFIRM -> {
				// The page asks while this is set: answering clears it, so the question does not come back.
				request.getSession().setAttribute(SecurityInfoController.RECONFIRM_ASKED, Boolean.TRUE);
				yield "/security-info?confirm";
			}
			// Never a redirect to another origin in answer to a POST: CSP form-action blocks it.
			case NONE -> returnTo.allowed(request.getSession(false), user.tenantId()).isPresent()
					? SecurityInfoController.CONTINUE : "/security-info";
		};
		response.sendRedirect(request.getContextPath() + target);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String outcome = exception instanceof SignInThrottledException ? "throttled" : "error";
		response.sendRedirect(request.getContextPath() + "/sign-in?" + outcome + keep(ReturnTo.requested(request), "&"));
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.sendRedirect(request.getContextPath() + "/sign-in" + keep(ReturnTo.requested(request), "?"));
	}

	private static String keep(Optional<String> address, String separator) {
		return address.map(a -> separator + ReturnTo.PARAMETER + "=" + URLEncoder.encode(a, StandardCharsets.UTF_8))
				.orElse("");
	}
}
