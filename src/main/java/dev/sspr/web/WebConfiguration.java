package dev.sspr.web;

import dev.sspr.directory.TenantLanguages;
import dev.sspr.language.PortalMessageSource;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Before everything that reads the locale or the parameters (Spring's request context filter, the
	 * security chain), but after the character encoding is set, on error dispatches too.
	 */
	@Bean
	FilterRegistrationBean<RequestSanityFilter> requestSanityFilter() {
		FilterRegistrationBean<RequestSanityFilter> registration = new FilterRegistrationBean<>(new RequestSanityFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
				DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * The portal's messages, with text arguments isolated in right-to-left languages (replaces Spring
	 * Boot's message source, whose settings it takes over).
	 */
	@Bean
	MessageSource messageSource() {
		return new PortalMessageSource();
	}

	@Bean
	LocaleResolver localeResolver(TenantLanguages tenantLanguages) {
		return new MarketLocaleResolver(tenantLanguages);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor market = new LocaleChangeInterceptor();
		market.setParamName("mkt");
		market.setIgnoreInvalidLocale(true);
		registry.addInterceptor(market);
		registry.addInterceptor(new LanguageInterceptor());
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/reset").setKeepQueryParams(true);
	}
}
