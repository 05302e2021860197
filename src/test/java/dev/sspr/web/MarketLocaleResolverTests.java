package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sspr.directory.TenantLanguages;
import dev.sspr.registration.SignedInUser;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * R-10 with a tenant's settings: once the tenant is known (from the page, the signed-in user or the
 * reset flow of the session), its languages limit the choice; before, every language is offered.
 */
class MarketLocaleResolverTests {

	static final long TENANT = 7;

	final TenantLanguages tenantLanguages = mock(TenantLanguages.class);
	final MarketLocaleResolver resolver = new MarketLocaleResolver(tenantLanguages);

	MockHttpServletRequest request(String acceptLanguage) {
		when(tenantLanguages.of(TENANT)).thenReturn(new TenantLanguages.Settings("ar", List.of("en", "fr", "ar")));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reset/method");
		request.addHeader("Accept-Language", acceptLanguage);
		return request;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void whenTheTenantIsNotKnownThenEveryLanguageIsOffered() {
		assertThat(resolver.resolveLocale(request("de-DE, fr;q=0.5")).toLanguageTag()).isEqualTo("de");
	}

	@Test
	void whenThePageNamesItsTenantThenOnlyItsLanguagesThenItsDefault() {
		MockHttpServletRequest request = request("de-DE, fr;q=0.5");
		MarketLocaleResolver.tenantKnown(request, TENANT);
		assertThat(resolver.resolveLocale(request).toLanguageTag()).as("the browser's next choice").isEqualTo("fr");
		MockHttpServletRequest japanese = request("ja");
		MarketLocaleResolver.tenantKnown(japanese, TENANT);
		assertThat(resolver.resolveLocale(japanese).toLanguageTag()).as("the tenant's default").isEqualTo("ar");
		assertThat(resolver.offer(japanese).languages()).extracting(l -> l.tag()).containsExactlyInAnyOrder("en", "fr", "ar");
	}

	@Test
	void whenTheUserIsSignedInThenTheirTenantsLanguages() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new SignedInUser(1, TENANT, "kim@contoso.example", "Kim", 0, Instant.now()), null, List.of()));
		assertThat(resolver.resolveLocale(request("de")).toLanguageTag()).isEqualTo("ar");
	}

	@Test
	void whenTheResetFlowOfTheSessionNamedItsTenantThenItsPostsUseItsLanguagesToo() {
		MockHttpServletRequest page = request("de");
		page.getSession(true);
		MarketLocaleResolver.tenantKnown(page, TENANT);
		MockHttpServletRequest post = request("de");
		post.setSession(page.getSession());
		assertThat(resolver.resolveLocale(post).toLanguageTag()).isEqualTo("ar");
		// A page without a tenant (the start page) forgets it.
		MockHttpServletRequest start = request("de");
		start.setSession(page.getSession());
		MarketLocaleResolver.tenantKnown(start, null);
		assertThat(resolver.resolveLocale(post).toLanguageTag()).isEqualTo("de");
	}

	@Test
	void whenALanguageIsChosenThenItIsRememberedAndPreferredToTheBrowsers() {
		MockHttpServletRequest request = request("de");
		MockHttpServletResponse response = new MockHttpServletResponse();
		resolver.setLocale(request, response, java.util.Locale.forLanguageTag("zh-HK"));
		assertThat(resolver.resolveLocale(request).toLanguageTag()).isEqualTo("zh-TW");
		assertThat(response.getHeader("Set-Cookie")).startsWith("sspr_lang=zh-TW;").contains("HttpOnly", "SameSite=Lax");

		MockHttpServletRequest later = request("de");
		later.setCookies(new Cookie("sspr_lang", "zh-TW"));
		assertThat(resolver.resolveLocale(later).toLanguageTag()).isEqualTo("zh-TW");
		// The tenant does not offer it: the browser's own language, if offered, before the default.
		MockHttpServletRequest atTenant = request("fr");
		atTenant.setCookies(new Cookie("sspr_lang", "zh-TW"));
		MarketLocaleResolver.tenantKnown(atTenant, TENANT);
		assertThat(resolver.resolveLocale(atTenant).toLanguageTag()).isEqualTo("fr");
	}
}
