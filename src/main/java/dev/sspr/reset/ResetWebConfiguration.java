package dev.sspr.reset;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ResetStepInterceptor} in front of the reset wizard's handlers. */
@Configuration(proxyBeanMethods = false)
class ResetWebConfiguration implements WebMvcConfigurer {

	private final ResetStepInterceptor steps;

	ResetWebConfiguration(Clock clock) {
		this.steps = new ResetStepInterceptor(clock);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(steps).addPathPatterns("/reset", "/reset/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(steps);
	}
}
