package dev.sspr.registration;

import dev.sspr.policy.TenantPolicies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A relying application's {@code return_to} address: remembered when it arrives, and used only if
 * its origin is on the user's tenant's allow-list; anything else is ignored (no open redirect).
 */
@Component
public final class ReturnTo {

	public static final String PARAMETER = "return_to";
	static final String ATTRIBUTE = "sspr.registration.returnTo";
	private static final int MAX_LENGTH = 2048;

	private final TenantPolicies policies;

	ReturnTo(TenantPolicies policies) {
		this.policies = policies;
	}

	/** Remembers a well-formed https address from the request, if there is one. */
	public void capture(HttpServletRequest request) {
		String candidate = request.getParameter(PARAMETER);
		if (candidate != null && origin(candidate).isPresent()) {
			request.getSession(true).setAttribute(ATTRIBUTE, candidate);
		}
	}

	/** The remembered address, if the user's tenant allows its origin. */
	Optional<String> allowed(HttpSession session, long tenantId) {
		Object stored = session == null ? null : session.getAttribute(ATTRIBUTE);
		if (!(stored instanceof String address)) {
			return Optional.empty();
		}
		return origin(address).filter(policies.returnToOrigins(tenantId)::contains).map(o -> address);
	}

	/** {@code https://host[:port]} of an absolute https address without user info, or empty. */
	public static Optional<String> origin(String address) {
		if (address.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(address);
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
				return Optional.empty();
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			return Optional.of("https://" + host + (uri.getPort() > 0 && uri.getPort() != 443 ? ":" + uri.getPort() : ""));
		}
		catch (java.net.URISyntaxException ex) {
			return Optional.empty();
		}
	}
}
