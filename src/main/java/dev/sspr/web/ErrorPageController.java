package dev.sspr.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error, whatever its status and whatever the client accepts, renders the one localized error
 * page: no JSON, no stack trace, no detail. A visit to {@code /error} itself (no error behind it, e.g.
 * a language link followed there) is a 404.
 */
@Controller
class ErrorPageController implements ErrorController {

	/** A request attribute naming a more precise message than the status's own. */
	static final String MESSAGE_KEY = ErrorPageController.class.getName() + ".messageKey";
	static final String NOT_ADMINISTRATOR = "error.notAdministrator";
	/** Messages with a heading of their own; the others say "Something went wrong". */
	private static final Map<String, String> HEADINGS = Map.of(NOT_ADMINISTRATOR, "error.notAdministrator.heading",
			BusyFilter.BUSY, "error.busy.heading");

	@RequestMapping("/error")
	ModelAndView showError(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
				? HttpStatus.resolve(code) : HttpStatus.NOT_FOUND;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String key = request.getAttribute(MESSAGE_KEY) instanceof String precise ? precise : switch (status.value()) {
			case 400, 403, 404, 405, 413, 429 -> "error.status." + status.value();
			case 503 -> BusyFilter.BUSY;
			default -> "error.status.other";
		};
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			// Past capacity: a moment later a connection is free again.
			response.setHeader(HttpHeaders.RETRY_AFTER, BusyFilter.RETRY_AFTER_SECONDS);
		}
		Map<String, Object> page = new HashMap<>();
		page.put("messageKey", key);
		page.put("status", status.value());
		page.put("notAdministrator", NOT_ADMINISTRATOR.equals(key));
		page.put("headingKey", HEADINGS.getOrDefault(key, "error.heading"));
		return new ModelAndView("error", page, status);
	}
}
