package dev.sspr.passkey;

import dev.sspr.secrets.MissingSettingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The relying party id and the origins allowed, checked once at start-up: a wrong value would only
 * show as every passkey failing. Origins are what the browser reports, never taken from a request's
 * {@code Host} or forwarded headers. Any port of {@code http://localhost} is allowed only when the
 * relying party is {@code localhost} (the dev profile, and tests on random ports).
 */
record RelyingPartySettings(String rpId, String rpName, Set<String> origins, boolean anyLocalhostPort) {

	static final String ANY_LOCALHOST_PORT = "http://localhost:*";
	private static final Pattern DOMAIN = Pattern.compile(
			"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");
	private static final Pattern IP = Pattern.compile("^[0-9.]+$|.*:.*");

	static RelyingPartySettings of(WebAuthnProperties properties, String publicUrl) {
		List<String> problems = new ArrayList<>();
		URI publicAddress = parse(publicUrl);
		String rpId = blank(properties.rpId()) ? (publicAddress == null ? null : host(publicAddress)) : properties.rpId().strip();
		if (rpId == null) {
			throw new MissingSettingException(List.of("sspr.webauthn.rp-id is not set (nor sspr.public-url)"),
					"Set sspr.public-url to the portal's address as users open it, e.g. https://sspr.example.com, "
							+ "or set sspr.webauthn.rp-id and sspr.webauthn.allowed-origins.");
		}
		if (!DOMAIN.matcher(rpId).matches() || IP.matcher(rpId).matches()) {
			problems.add("sspr.webauthn.rp-id must be a lower-case domain name without scheme, port or path (not an IP address)");
		}
		List<String> configured = properties.allowedOrigins().isEmpty() && publicAddress != null
				? List.of(origin(publicAddress)) : properties.allowedOrigins();
		Set<String> origins = new LinkedHashSet<>();
		boolean anyPort = false;
		for (String value : configured) {
			String origin = value.strip();
			if (origin.equals(ANY_LOCALHOST_PORT)) {
				if (!"localhost".equals(rpId)) {
					problems.add("sspr.webauthn.allowed-origins may hold " + ANY_LOCALHOST_PORT + " only when the rp-id is localhost");
				}
				anyPort = true;
				continue;
			}
			String problem = originProblem(origin, rpId);
			if (problem != null) {
				problems.add("sspr.webauthn.allowed-origins: " + problem);
			}
			origins.add(origin);
		}
		if (origins.isEmpty() && !anyPort) {
			problems.add("sspr.webauthn.allowed-origins is empty (nor sspr.public-url)");
		}
		if (!problems.isEmpty()) {
			throw new MissingSettingException(problems, "Passkeys are bound to the portal's domain: set "
					+ "sspr.webauthn.rp-id to it (e.g. sspr.example.com) and sspr.webauthn.allowed-origins to the "
					+ "https addresses users open (e.g. https://sspr.example.com).");
		}
		return new RelyingPartySettings(rpId, properties.rpName(), Set.copyOf(origins), anyPort);
	}

	/** Whether a browser at this origin may answer. */
	boolean allows(String origin) {
		if (origins.contains(origin)) {
			return true;
		}
		return anyLocalhostPort && origin.matches("^http://localhost(:\\d{1,5})?$");
	}

	private static String originProblem(String origin, String rpId) {
		URI uri = parse(origin);
		if (uri == null || uri.getHost() == null || !(uri.getPath() == null || uri.getPath().isEmpty())
				|| uri.getQuery() != null || uri.getUserInfo() != null || !origin.equals(origin(uri))) {
			return "an origin is a scheme, a host and an optional port only (e.g. https://sspr.example.com)";
		}
		String host = host(uri);
		if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && "localhost".equals(host))) {
			return "an origin must use https (http only for localhost)";
		}
		if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
			return "an origin's host must be the rp-id or one of its subdomains";
		}
		return null;
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + host(uri) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}

	private static String host(URI uri) {
		return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
	}

	private static URI parse(String value) {
		if (blank(value)) {
			return null;
		}
		try {
			URI uri = URI.create(value.strip());
			return uri.getScheme() == null || uri.getHost() == null ? null : uri;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
