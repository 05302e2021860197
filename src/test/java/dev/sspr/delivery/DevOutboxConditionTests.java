package dev.sspr.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The dev outbox and its page exist only in the dev profile, whatever the properties say (S-25). */
class DevOutboxConditionTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withBean(Clock.class, dev.sspr.TestClock::new)
			.withBean(org.springframework.jdbc.core.simple.JdbcClient.class,
					() -> org.mockito.Mockito.mock(org.springframework.jdbc.core.simple.JdbcClient.class))
			.withBean(Dispatchers.class, Dispatchers::new)
			.withUserConfiguration(DevOutbox.class, DevOutboxController.class);

	@Test
	void whenNotDevProfileThenNoOutboxAndNoPageEvenWithTheOldSwitch() {
		runner.withPropertyValues("sspr.dev.outbox=true").withInitializer(c -> c.getEnvironment().setActiveProfiles("postgres"))
				.run(context -> {
					assertThat(context).doesNotHaveBean(DevOutbox.class);
					assertThat(context).doesNotHaveBean(DevOutboxController.class);
				});
	}

	@Test
	void whenDevProfileThenBoth() {
		runner.withInitializer(c -> c.getEnvironment().setActiveProfiles("dev")).run(context -> {
			assertThat(context).hasSingleBean(DevOutbox.class);
			assertThat(context).hasSingleBean(DevOutboxController.class);
		});
	}

	@Test
	void whenMessageLoggedThenOnlyMaskedMetadata() {
		OutgoingMessage message = new OutgoingMessage(Channel.SMS, "+1 555 010 0101", null, "Your code is 12345678");

		assertThat(message.toString()).contains("*********01").doesNotContain("12345678", "555 010");
	}
}
