package dev.sspr.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import java.util.Map;

/** Every error, whatever its status, renders the one localized error page: no stack trace, no detail. */
@Component
class ErrorPageAdvice implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		String key = switch (status.value()) {
			case 400, 403, 404, 405, 413, 429 -> "error.status." + status.value();
			default -> "error.status.other";
		};
		ModelAndView view = new ModelAndView("error", Map.of("messageKey", key, "status", status.value()), status);
		return view;
	}
}
