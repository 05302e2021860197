package dev.sspr.registration;

import dev.sspr.policy.TenantPolicies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A relying application's {@code return_to} address: carried by the sign-in form (so that showing
 * the sign-in page keeps nothing on the server), remembered in the signed-in session, and used only
 * if its origin is on the user's tenant's allow-list; anything else is ignored (no open redirect).
 */
@Component
public final class ReturnTo {

	public static final String PARAMETER = "return_to";
	static final String ATTRIBUTE = "sspr.registration.returnTo";
	private static final int MAX_LENGTH = 2048;
	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private final TenantPolicies policies;

	ReturnTo(TenantPolicies policies) {
		this.policies = policies;
	}

	/** A well-formed address in the request's {@code return_to}, if there is one. */
	static Optional<String> requested(HttpServletRequest request) {
		String candidate = request.getParameter(PARAMETER);
		return candidate != null && origin(candidate).isPresent() ? Optional.of(candidate) : Optional.empty();
	}

	/**
	 * Remembers the request's well-formed {@code return_to} in the signed-in session. Never creates a
	 * session: an anonymous request leaves nothing on the server.
	 */
	void capture(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			requested(request).ifPresent(address -> session.setAttribute(ATTRIBUTE, address));
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

	/**
	 * {@code https://host[:port]} of an absolute https address without user info, or empty. Plain
	 * {@code http} only for a loopback host (an application on the same machine, as OAuth allows for
	 * native apps, RFC 8252), never across a network.
	 */
	public static Optional<String> origin(String address) {
		if (address.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(address);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (uri.getHost() == null || uri.getRawUserInfo() != null) {
				return Optional.empty();
			}
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			boolean secure = scheme.equals("https");
			if (!secure && !(scheme.equals("http") && LOOPBACK.contains(host))) {
				return Optional.empty();
			}
			int defaultPort = secure ? 443 : 80;
			return Optional.of(scheme + "://" + host + (uri.getPort() > 0 && uri.getPort() != defaultPort ? ":" + uri.getPort() : ""));
		}
		catch (java.net.URISyntaxException ex) {
			return Optional.empty();
		}
	}
}
