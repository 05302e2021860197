package dev.sspr.delivery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	/** Without any way to deliver codes the portal would be useless: refuse to start, and say why. */
	@Bean
	@ConditionalOnMissingBean(MessageSender.class)
	MessageSender noDeliveryConfigured() {
		throw new IllegalStateException("No message delivery is configured. Run with the dev profile "
				+ "(--spring.profiles.active=dev) to use the dev outbox, or set sspr.dev.outbox=true for a test system.");
	}
}
