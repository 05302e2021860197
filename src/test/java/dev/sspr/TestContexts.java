package dev.sspr;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * What the suite's few application contexts get without an annotation per test class (each
 * distinct annotation would be one more context): a {@link TestClock} in every context; the JVM's
 * PostgreSQL schema for {@link PostgresAvailable} classes; the JVM's SMTP server for
 * {@link DeliveryTest} classes. Registered in {@code META-INF/spring.factories}.
 */
class TestContexts implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
		List<ContextCustomizer> customizers = new ArrayList<>();
		customizers.add(new Clock());
		customizers.add(new MockMvcSessions());
		if (TestContextAnnotationUtils.hasAnnotation(testClass, PostgresAvailable.class)) {
			customizers.add(new Postgres());
		}
		if (TestContextAnnotationUtils.hasAnnotation(testClass, DeliveryTest.class)) {
			customizers.add(new Smtp());
		}
		return new All(customizers);
	}

	/** Equal when the same kinds apply, so that equal configurations share a cached context. */
	private record All(List<ContextCustomizer> parts) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			parts.forEach(part -> part.customizeContext(context, config));
		}
	}

	private abstract static class Kind implements ContextCustomizer {

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

		static void properties(ConfigurableApplicationContext context, String name, Map<String, Object> values) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(name, values));
		}
	}

	/** The clock tests move instead of sleeping; the portal's own clock bean steps aside for it. */
	private static final class Clock extends Kind {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
				registry.registerBeanDefinition("testClock", new RootBeanDefinition(TestClock.class));
			}
		}
	}

	/**
	 * MockMvc requests keep the mock container's session: those tests hold a session as a
	 * {@code MockHttpSession} and look inside it. Every request on a real port (server, browser and
	 * cluster tests, and production) goes through Spring Session's database store; the mark below is
	 * the one Spring Session's filter sets on a request it has handled, so it steps aside.
	 */
	private static final class MockMvcSessions extends Kind {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
				RootBeanDefinition customizer = new RootBeanDefinition(MockMvcBuilderCustomizer.class);
				customizer.setInstanceSupplier(() -> (MockMvcBuilderCustomizer) builder -> builder.defaultRequest(
						get("/").requestAttr(SessionRepositoryFilter.class.getName() + ".FILTERED",
								Boolean.TRUE)));
				registry.registerBeanDefinition("mockMvcContainerSessions", customizer);
			}
		}
	}

	/** The JVM's throwaway schema, migrated with the demo data. */
	private static final class Postgres extends Kind {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			properties(context, "postgres-test-schema",
					PostgresAvailable.Schema.properties(PostgresAvailable.Schema.shared()));
		}
	}

	/** Email to the JVM's GreenMail. */
	private static final class Smtp extends Kind {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			properties(context, "test-smtp", Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", TestSmtp.SHARED.port));
		}
	}
}
