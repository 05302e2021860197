package dev.sspr.registration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where sign-in leads: to the registration prompt when one is due, otherwise to the
 * relying application's allowed {@code return_to}, otherwise to the security-info page. And the way
 * in for someone not signed in, keeping {@code return_to}.
 */
@Component
public final class SignInFlow implements AuthenticationSuccessHandler, AuthenticationEntryPoint {

	private final RegistrationPrompts prompts;
	private final ReturnTo returnTo;

	SignInFlow(RegistrationPrompts prompts, ReturnTo returnTo) {
		this.prompts = prompts;
		this.returnTo = returnTo;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		SignedInUser user = (SignedInUser) authentication.getPrincipal();
		String target = switch (prompts.promptFor(user.userPk())) {
			case REGISTER -> "/security-info?setup";
			case RECONFIRM -> "/security-info?confirm";
			case NONE -> returnTo.allowed(request.getSession(false), user.tenantId()).orElse("/security-info");
		};
		response.sendRedirect(target.startsWith("/") ? request.getContextPath() + target : target);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String back = request.getParameter(ReturnTo.PARAMETER);
		response.sendRedirect(request.getContextPath() + "/sign-in"
				+ (back == null ? "" : "?" + ReturnTo.PARAMETER + "=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
	}
}
