package dev.sspr;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The suite's delivery context: the portal on a port and behind MockMvc, email over real SMTP (the
 * JVM's one {@link TestSmtp}, wired in by {@link TestContexts}), calls that ask for # instead of a
 * code, and a configured outbox key as production has. Mail, voice-approval and their browser
 * tests share it; nothing else changes these settings, so there is one such context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DemoDataGuard.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "dev", "test" })
@TestPropertySource(properties = { "sspr.delivery.voice-approval=true",
		"sspr.delivery.outbox-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" })
public @interface DeliveryTest {
}
