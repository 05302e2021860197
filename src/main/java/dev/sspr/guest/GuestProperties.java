package dev.sspr.guest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guests' invitations.
 *
 * @param invitationLifetime how long an invitation's link works (default 7 days)
 */
@ConfigurationProperties("sspr.guests")
public record GuestProperties(@DefaultValue("P7D") Duration invitationLifetime) {
}
