package dev.sspr.directory;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal (consumer) email providers whose accounts never reset here: a user ID at one of
 * their domains gets a page pointing to the provider's own recovery.
 *
 * @param useDefaults whether the built-in list of major providers ({@link ConsumerDomains#DEFAULTS}) applies
 * @param providers providers added to (or, for a domain both name, replacing) the built-in ones
 */
@ConfigurationProperties("sspr.consumer-accounts")
record ConsumerAccountsProperties(@DefaultValue("true") boolean useDefaults, @DefaultValue List<Provider> providers) {

	/**
	 * @param name how the page names the provider, e.g. "Microsoft"
	 * @param recoveryUrl the provider's own password recovery, {@code https://} only
	 * @param domains the email domains of its personal accounts
	 */
	record Provider(String name, String recoveryUrl, List<String> domains) {
	}
}
