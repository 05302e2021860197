package dev.sspr.captcha;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxNumber upper bound of the proof-of-work search (work grows with it; default 100000)
 * @param lifetime how long a challenge may be solved and posted (default 20 minutes)
 */
@ConfigurationProperties("sspr.captcha")
public record CaptchaProperties(@DefaultValue("100000") long maxNumber,
		@DefaultValue("PT20M") Duration lifetime) {
}
