package dev.sspr.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * the language comes from {@code Accept-Language}, unless {@code ?mkt=xx-YY} chose one,
 * which then sticks for the rest of the flow in a cookie (not in a session, so page views stay
 * stateless on the server).
 */
final class MarketLocaleResolver implements LocaleResolver {

	static final String COOKIE = "sspr_lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(COOKIE) instanceof Locale chosenNow) {
			return chosenNow;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return SupportedLocales.match(cookie.getValue());
				}
			}
		}
		return SupportedLocales.match(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = locale == null ? SupportedLocales.FALLBACK : SupportedLocales.match(locale.toLanguageTag());
		ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.toLanguageTag()).path("/").httpOnly(true)
				.sameSite("Lax").secure(request.isSecure()).build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		// The page being rendered now must use the new language too.
		request.setAttribute(COOKIE, chosen);
	}
}
