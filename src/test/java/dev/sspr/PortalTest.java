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

/**
 * The suite's main context: the whole portal on its embedded defaults (H2, in-memory directory,
 * demo tenants, dev outbox) behind MockMvc. Most tests run here.
 * Add nothing to a test class that would change its configuration (properties, mocks, imports):
 * that would start one more context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DemoDataGuard.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "dev", "test" })
public @interface PortalTest {
}
