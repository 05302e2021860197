package dev.sspr.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often retention runs and how long records are kept.
 *
 * @param interval how often the job runs, on one instance of the cluster (zero turns it off; default 1 hour)
 * @param audit how long audit records and reset completions are kept (default 365 days)
 * @param outbox how long delivered and failed messages are kept (default 30 days)
 * @param grace how long expired codes and approvals are kept, so that a page still open can say
 *        "expired" rather than "not found" (default 1 hour)
 */
@ConfigurationProperties("sspr.retention")
public record RetentionProperties(
		@DefaultValue("PT1H") Duration interval,
		@DefaultValue("P365D") Duration audit,
		@DefaultValue("P30D") Duration outbox,
		@DefaultValue("PT1H") Duration grace) {
}
