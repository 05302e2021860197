package dev.sspr;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The suite's server context: the portal on a real port, for Chromium and for tests of what only a
 * real HTTP server and servlet container do (headers, error pages, request parsing).
 * Add nothing to a test class that would change its configuration (properties, mocks, imports):
 * that would start one more context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DemoDataGuard.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "dev", "test" })
public @interface PortalServerTest {
}
