package dev.sspr.directory;

import dev.sspr.directory.ConsumerAccountsProperties.Provider;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which user IDs belong to a personal account of a consumer provider. The answer depends on
 * the domain alone, never on any account, so it says nothing about who exists (S-01). Checked when
 * the portal starts: a provider without a name, an address that is not {@code https://host…} or a
 * malformed domain stops it with a message naming the setting.
 */
@Component
public class ConsumerDomains {

	/** The major providers, so that a portal with no setting already sends their users home. */
	static final List<Provider> DEFAULTS = List.of(
			new Provider("Microsoft", "https://account.live.com/password/reset", List.of("outlook.com", "hotmail.com",
					"live.com", "msn.com", "passport.com", "windowslive.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de",
					"hotmail.it", "hotmail.es", "live.co.uk", "live.fr", "live.de", "live.nl", "outlook.de", "outlook.fr",
					"outlook.es", "outlook.it", "outlook.jp", "outlook.com.tr")),
			new Provider("Google", "https://accounts.google.com/signin/recovery", List.of("gmail.com", "googlemail.com")),
			new Provider("Yahoo", "https://login.yahoo.com/forgot", List.of("yahoo.com", "ymail.com", "rocketmail.com",
					"yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.es", "yahoo.co.jp", "yahoo.com.tr")),
			new Provider("Apple", "https://iforgot.apple.com/", List.of("icloud.com", "me.com", "mac.com")),
			new Provider("AOL", "https://login.aol.com/forgot", List.of("aol.com")),
			new Provider("Proton", "https://account.proton.me/reset-password", List.of("proton.me", "protonmail.com",
					"protonmail.ch", "pm.me")),
			new Provider("Yandex", "https://passport.yandex.com/restoration", List.of("yandex.ru", "yandex.com", "ya.ru")),
			new Provider("Mail.ru", "https://account.mail.ru/recovery", List.of("mail.ru", "inbox.ru", "list.ru", "bk.ru")));

	private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

	/** The recovery a consumer account is sent to. */
	public record Recovery(String provider, String domain, String url) {
	}

	private final Map<String, Provider> byDomain = new HashMap<>();

	ConsumerDomains(ConsumerAccountsProperties properties) {
		if (properties.useDefaults()) {
			DEFAULTS.forEach(this::add);
		}
		properties.providers().forEach(this::add);
	}

	/** The provider of a user ID's (or an address's) domain, when it is a consumer one. */
	public Optional<Recovery> recoveryFor(String userId) {
		String normalized = userId.strip().toLowerCase(Locale.ROOT);
		String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
		Provider provider = byDomain.get(domain);
		return provider == null ? Optional.empty()
				: Optional.of(new Recovery(provider.name(), domain, provider.recoveryUrl()));
	}

	/** Whether a guest is a personal account of a consumer provider, whatever name it was typed by. */
	public boolean isConsumer(UserAccount user) {
		return user.guest() != null && user.guest().email() != null && recoveryFor(user.guest().email()).isPresent();
	}

	private void add(Provider provider) {
		if (provider.name() == null || provider.name().isBlank()) {
			throw new IllegalStateException("sspr.consumer-accounts.providers: every provider needs a name");
		}
		if (!httpsAddress(provider.recoveryUrl())) {
			throw new IllegalStateException("sspr.consumer-accounts.providers: the recovery-url of " + provider.name()
					+ " must be an https:// address");
		}
		if (provider.domains() == null || provider.domains().isEmpty()) {
			throw new IllegalStateException("sspr.consumer-accounts.providers: " + provider.name() + " has no domains");
		}
		for (String domain : provider.domains()) {
			String normalized = domain.strip().toLowerCase(Locale.ROOT);
			if (!DOMAIN.matcher(normalized).matches()) {
				throw new IllegalStateException("sspr.consumer-accounts.providers: '" + domain + "' of " + provider.name()
						+ " is not a domain");
			}
			byDomain.put(normalized, provider);
		}
	}

	private static boolean httpsAddress(String url) {
		try {
			URI uri = url == null ? null : new URI(url);
			return uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}
}
