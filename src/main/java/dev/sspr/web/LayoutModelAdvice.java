package dev.sspr.web;

import dev.sspr.directory.TenantBranding;
import dev.sspr.directory.TenantInfo;
import dev.sspr.registration.SignedInUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: where the language picker points and the tenant's branding. The page's
 * language, its direction and the languages offered come from {@link LanguageInterceptor}, once the tenant is known.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final TenantBranding branding;

	LayoutModelAdvice(TenantBranding branding) {
		this.branding = branding;
	}

	/**
	 * A page rendered by a POST (a form with errors) switches language through its GET page; an error
	 * page through the address that failed, never {@code /error} itself.
	 */
	@ModelAttribute("languagePath")
	String languagePath(HttpServletRequest request) {
		String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
				: request.getRequestURI();
		String path = uri.substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) && path.chars().filter(c -> c == '/').count() > 2) {
			path = path.substring(0, path.lastIndexOf('/'));
		}
		return path.isEmpty() ? "/" : path;
	}

	/** The signed-in user's tenant, whose branding the page wears; the reset flow adds its own. */
	@ModelAttribute("signedInTenant")
	TenantInfo signedInTenant(@AuthenticationPrincipal Object principal) {
		return principal instanceof SignedInUser user ? branding.tenant(user.tenantId()).orElse(null) : null;
	}
}
