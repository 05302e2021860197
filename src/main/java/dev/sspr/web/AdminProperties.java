package dev.sspr.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin console's settings ({@code sspr.admin.*}).
 *
 * @param idleTimeout how long an admin session lives without a request (default 10 minutes)
 */
@ConfigurationProperties("sspr.admin")
record AdminProperties(@DefaultValue("10m") Duration idleTimeout) {

	AdminProperties {
		if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toHours() > 24) {
			throw new IllegalArgumentException("sspr.admin.idle-timeout must be between 1 second and 24 hours");
		}
	}
}
