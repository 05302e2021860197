package dev.sspr.web;

import dev.sspr.directory.TenantInfo;
import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Before a page is rendered: names the page's tenant to the locale resolver (a reset step knows it
 * only from its flow, after the controller ran), then gives the layout the page's language, its
 * direction and the languages the picker offers.
 */
final class LanguageInterceptor implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && (page.getViewName().startsWith("redirect:") || page.getViewName().startsWith("forward:")))) {
			return;
		}
		if (page.getModel().containsKey("tenant")) {
			MarketLocaleResolver.tenantKnown(request,
					page.getModel().get("tenant") instanceof TenantInfo tenant ? tenant.id() : null);
		}
		Locale locale = RequestContextUtils.getLocale(request);
		Language language = Languages.of(locale);
		page.addObject("pageLanguage", language.tag());
		page.addObject("pageDirection", language.direction());
		page.addObject("languageOptions", RequestContextUtils.getLocaleResolver(request) instanceof MarketLocaleResolver resolver
				? resolver.offer(request).languages() : Languages.ALL);
	}
}
