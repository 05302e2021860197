package dev.sspr.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: where the language links point, and the page language. */
@ControllerAdvice
class LayoutModelAdvice {

	/** A page rendered by a POST (a form with errors) switches language through its GET page. */
	@ModelAttribute("languagePath")
	String languagePath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) && path.chars().filter(c -> c == '/').count() > 2) {
			path = path.substring(0, path.lastIndexOf('/'));
		}
		return path.isEmpty() ? "/" : path;
	}

	@ModelAttribute("pageLanguage")
	String pageLanguage(Locale locale) {
		return locale.toLanguageTag();
	}
}
