package dev.sspr.registration;

import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.passkey.Passkeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Sensitive changes (replacing or deleting a method, {@link RecentPassword}) need the password typed
 * in the last five minutes. One guard for every such handler: it runs inside the MVC call, so the
 * page asking for the password renders in place with the layout's whole model, and the handler
 * never starts.
 */
@Configuration(proxyBeanMethods = false)
class Reauthentication {

	static final Duration WINDOW = Duration.ofMinutes(5);
	static final String VIEW = "registration/reauth";
	/**
	 * Session attribute: the page (a GET of this portal's own) that asked for the password, so that the
	 * password leads back to it; a change posted (a delete) leads to the method's page instead.
	 */
	static final String THEN = "sspr.registration.reauthThen";

	/** Where the password page leads back to: a page of this kind, asked for with GET. */
	record Then(String kind, String path) implements java.io.Serializable {
	}

	/** Session attribute: the challenge the password page offers to a user with a passkey (single use). */
	static final String PASSKEY_REQUEST = "sspr.registration.reauthPasskey";

	private final Clock clock;
	private final RegisteredMethods registrations;
	private final Passkeys passkeys;

	Reauthentication(Clock clock, RegisteredMethods registrations, Passkeys passkeys) {
		this.clock = clock;
		this.registrations = registrations;
		this.passkeys = passkeys;
	}

	/**
	 * Infrastructure, so that it is applied without an AspectJ weaver; the guard is reached through a
	 * lazy reference, so that creating the advisor early creates none of this class's collaborators.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor recentPasswordAdvisor(@Lazy Reauthentication reauthentication) {
		return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(RecentPassword.class),
				(MethodInterceptor) reauthentication::guard);
	}

	boolean recent(SignedInUser user) {
		return !user.authenticatedAt().plus(WINDOW).isBefore(clock.instant());
	}

	/**
	 * The page that asks for the password again; it posts to {@code /security-info/{kind}/reauth}. A user
	 * with a passkey may use it instead (the "recent password, or existing passkey, check"), so
	 * that someone who signed in with a passkey and forgot the password can still change their methods.
	 */
	String page(String kind, Model model, String error) {
		model.addAttribute("kind", kind);
		model.addAttribute("error", error);
		SignedInUser user = signedInUser();
		AssertionRequest request = user == null ? null : passkeys.assertionRequest(user.userPk());
		// Offered only to a user with a passkey: the request lists theirs.
		if (request != null && !request.allowedCredentials().isEmpty()
				&& RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes attributes) {
			attributes.getRequest().getSession().setAttribute(PASSKEY_REQUEST, request);
			model.addAttribute("passkeyRequest", request);
			model.addAttribute("relyingParty", passkeys.relyingParty());
		}
		return VIEW;
	}

	/** The challenge the password page offered, taken out of the session: each is answered once. */
	static AssertionRequest takePasskeyRequest(HttpSession session) {
		Object request = session == null ? null : session.getAttribute(PASSKEY_REQUEST);
		if (session != null) {
			session.removeAttribute(PASSKEY_REQUEST);
		}
		return request instanceof AssertionRequest offered ? offered : null;
	}

	Object guard(MethodInvocation invocation) throws Throwable {
		Method handler = invocation.getMethod();
		RecentPassword demand = handler.getAnnotation(RecentPassword.class);
		SignedInUser user = signedInUser();
		String kind = demand.kind().isEmpty() ? pathKind() : demand.kind();
		if (user == null || recent(user) || (demand.onlyToReplace() && !registrations.registered(user.userPk(), kind))) {
			return invocation.proceed();
		}
		for (Object argument : invocation.getArguments()) {
			if (argument instanceof Model model) {
				remember(kind);
				return page(kind, model, null);
			}
		}
		throw new IllegalStateException(handler + " needs a Model argument for the password page");
	}

	/** The page asked for, when it was one to show (never one to post to: that would change something). */
	private static void remember(String kind) {
		if (RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			if ("GET".equals(request.getMethod())) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				request.getSession().setAttribute(THEN, new Then(kind, path));
			}
			else if (request.getSession(false) != null) {
				request.getSession(false).removeAttribute(THEN);
			}
		}
	}

	/** Where the password, typed again for this kind, leads: the page that asked for it, or the kind's page. */
	static String then(String kind, HttpSession session) {
		Object then = session == null ? null : session.getAttribute(THEN);
		if (session != null) {
			session.removeAttribute(THEN);
		}
		return then instanceof Then remembered && remembered.kind().equals(kind)
				&& remembered.path().matches("/security-info/[a-z0-9/-]+") ? remembered.path() : RegisteredMethod.of(kind).page();
	}

	private static SignedInUser signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
	}

	@SuppressWarnings("unchecked")
	private static String pathKind() {
		Object variables = RequestContextHolder.currentRequestAttributes()
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		return variables instanceof Map<?, ?> map ? String.valueOf(((Map<String, String>) map).get("kind")) : "";
	}
}
