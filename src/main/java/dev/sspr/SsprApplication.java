package dev.sspr;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The self-service password reset portal. */
@SpringBootApplication
@ConfigurationPropertiesScan
// Spring's one scheduler (spring.task.scheduling) runs the periodic jobs: outbox poll, directory sync,
// retention, pending-reset recovery.
@org.springframework.scheduling.annotation.EnableScheduling
public class SsprApplication {

	public static void main(String[] args) {
		SpringApplication.run(SsprApplication.class, args);
	}

	/** The one clock behind codes, TOTP, approvals, blocks, throttle windows and expiry; tests put their own. */
	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock clock() {
		return Clock.systemUTC();
	}
}
