package dev.sspr.web;

import dev.sspr.directory.TenantLanguages;
import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import dev.sspr.registration.SignedInUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * the language comes from {@code Accept-Language}, unless {@code ?mkt=xx-YY} chose one,
 * which then sticks for the rest of the flow in a cookie (not in a session, so page views stay
 * stateless on the server). Once the tenant is known, only the languages it offers are used: a
 * language it does not offer gives way to the browser's next choice, then the tenant's default, then
 * English. Before that (the start page), every language is offered.
 */
final class MarketLocaleResolver implements LocaleResolver {

	static final String COOKIE = "sspr_lang";
	/** Request attribute: the id of the tenant whose page this is, once a handler named it. */
	static final String TENANT = MarketLocaleResolver.class.getName() + ".tenant";
	/** Session attribute: the tenant of the reset flow in this session, for the posts that follow its pages. */
	static final String SESSION_TENANT = "sspr.web.tenant";
	private static final String CHOSEN_NOW = MarketLocaleResolver.class.getName() + ".chosen";
	private static final String SETTINGS = MarketLocaleResolver.class.getName() + ".settings.";

	/** A tenant's languages as the resolver uses them: null offered means every language. */
	record Offer(List<Language> offered, Language fallback) {

		static final Offer EVERY_LANGUAGE = new Offer(null, null);

		List<Language> languages() {
			return offered == null ? Languages.ALL : offered;
		}
	}

	private final TenantLanguages tenantLanguages;

	MarketLocaleResolver(TenantLanguages tenantLanguages) {
		this.tenantLanguages = tenantLanguages;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Offer offer = offer(request);
		return SupportedLocales.match(preferences(request), offer.offered(), offer.fallback());
	}

	/** What the user asked for, most wanted first: a language chosen now or before, then the browser's. */
	static List<Language> preferences(HttpServletRequest request) {
		List<Language> preferred = new ArrayList<>();
		if (request.getAttribute(CHOSEN_NOW) instanceof Language chosen) {
			preferred.add(chosen);
		}
		else {
			Cookie[] cookies = request.getCookies();
			if (cookies != null) {
				for (Cookie cookie : cookies) {
					if (COOKIE.equals(cookie.getName())) {
						SupportedLocales.language(cookie.getValue()).ifPresent(preferred::add);
					}
				}
			}
		}
		for (Language language : SupportedLocales.preferences(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))) {
			if (!preferred.contains(language)) {
				preferred.add(language);
			}
		}
		return preferred;
	}

	/** The languages offered on this request's page: its tenant's, or every language before the tenant is known. */
	Offer offer(HttpServletRequest request) {
		Long tenantId = tenantId(request);
		if (tenantId == null) {
			return Offer.EVERY_LANGUAGE;
		}
		String key = SETTINGS + tenantId;
		if (request.getAttribute(key) instanceof Offer cached) {
			return cached;
		}
		TenantLanguages.Settings settings = tenantLanguages.of(tenantId);
		List<Language> offered = settings.offered().stream().map(Languages::byTag).flatMap(java.util.Optional::stream)
				.sorted(java.util.Comparator.comparingInt(Languages.ALL::indexOf)).toList();
		Offer offer = new Offer(offered.isEmpty() ? null : offered, Languages.byTag(settings.defaultLanguage()).orElse(null));
		request.setAttribute(key, offer);
		return offer;
	}

	/** The page's tenant if a handler named it, else the signed-in user's, else the reset flow's of this session. */
	private static Long tenantId(HttpServletRequest request) {
		if (request.getAttribute(TENANT) instanceof Long named) {
			return named;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return user.tenantId();
		}
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SESSION_TENANT) instanceof Long flowTenant ? flowTenant : null;
	}

	/** Names the tenant whose page is being rendered, and remembers it for this session's next posts. */
	static void tenantKnown(HttpServletRequest request, Long tenantId) {
		if (tenantId != null) {
			request.setAttribute(TENANT, tenantId);
		}
		HttpSession session = request.getSession(false);
		if (session != null && !Objects.equals(session.getAttribute(SESSION_TENANT), tenantId)) {
			if (tenantId == null) {
				session.removeAttribute(SESSION_TENANT);
			}
			else {
				session.setAttribute(SESSION_TENANT, tenantId);
			}
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Language chosen = locale == null ? Languages.ENGLISH
				: SupportedLocales.language(locale.toLanguageTag()).orElse(Languages.ENGLISH);
		ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.tag()).path("/").httpOnly(true)
				.sameSite("Lax").secure(request.isSecure()).build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		// The page being rendered now must use the new language too.
		request.setAttribute(CHOSEN_NOW, chosen);
	}
}
