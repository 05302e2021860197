package dev.sspr.verification;

import dev.sspr.delivery.Channel;
import java.time.Duration;
import java.util.function.Function;

/**
 * How a method's codes travel, handed to {@link OneTimeCodes} by the code verifiers: the channel the
 * message goes by, how long a code lives, and whether it draws on the tenant's phone budget (S-11).
 */
enum CodeDelivery {

	EMAIL(Channel.EMAIL, VerificationProperties::emailCodeLifetime, false),
	TEXT(Channel.SMS, VerificationProperties::phoneCodeLifetime, true),
	CALL(Channel.VOICE, VerificationProperties::phoneCodeLifetime, true);

	private final Channel channel;
	private final Function<VerificationProperties, Duration> lifetime;
	private final boolean phoneBudget;

	CodeDelivery(Channel channel, Function<VerificationProperties, Duration> lifetime, boolean phoneBudget) {
		this.channel = channel;
		this.lifetime = lifetime;
		this.phoneBudget = phoneBudget;
	}

	Channel channel() {
		return channel;
	}

	Duration lifetime(VerificationProperties properties) {
		return lifetime.apply(properties);
	}

	/** Texts and calls cost the tenant money, so they share a per-tenant limit; mail does not. */
	boolean drawsOnPhoneBudget() {
		return phoneBudget;
	}
}
