package dev.sspr.registration;

import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import dev.sspr.delivery.Outbox;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import dev.sspr.input.PlainTextValidator;
import dev.sspr.policy.MethodKind;
import dev.sspr.verification.Check;
import dev.sspr.verification.CodeRequest;
import dev.sspr.verification.MethodVerifiers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Registering an authentication email or phone: proved by a code sent to it. Replacing one
 * needs the password typed within the last five minutes, and the old address is told (R-53 style,
 * no secret in it).
 */
@Controller
class ContactController {

	static final String VIEW = "registration/contact";
	static final String PENDING = "sspr.registration.contact";

	/** The forms of this page, bound to records that never print what was typed (S-24). */
	record DestinationForm(String destination) {

		@Override
		public String toString() {
			return "DestinationForm[****]";
		}
	}

	record CodeForm(String code) {

		@Override
		public String toString() {
			return "CodeForm[****]";
		}
	}

	/** A destination waiting for its code, kept in the session (never in the page or the URL). */
	record Pending(String kind, String destination, String flowId) implements Serializable {
	}

	private final Directory directory;
	private final MethodVerifiers verifiers;
	private final MessageSender sender;
	private final Outbox outbox;
	private final MessageComposer composer;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();

	ContactController(Directory directory, MethodVerifiers verifiers, MessageSender sender, MessageComposer composer,
			ApplicationEventPublisher events, Outbox outbox) {
		this.outbox = outbox;
		this.directory = directory;
		this.verifiers = verifiers;
		this.sender = sender;
		this.composer = composer;
		this.events = events;
	}

	@GetMapping("/security-info/{kind:email|phone}")
	@RecentPassword(onlyToReplace = true)
	String initContact(@PathVariable String kind, Model model) {
		return page(kind, model, "enter", null, null);
	}

	@PostMapping("/security-info/{kind:email|phone}")
	@RecentPassword(onlyToReplace = true)
	String processContact(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind,
			@ModelAttribute DestinationForm form, Model model, HttpServletRequest request, Locale locale) {
		String destination = form.destination() == null ? "" : form.destination();
		String problem = destinationProblem(kind, destination);
		if (problem != null) {
			return page(kind, model, "enter", "destination", problem);
		}
		Pending pending = new Pending(kind, destination.strip(), "reg-" + HexFormat.of().formatHex(randomBytes()));
		request.getSession().setAttribute(PENDING, pending);
		TenantInfo tenant = directory.tenantForUserId(user.userId()).orElseThrow();
		verifiers.of(proof(kind)).send(new CodeRequest(pending.flowId(), user.userPk(), tenant.id(),
				tenant.displayName(), proof(kind), pending.destination(), locale, request.getRemoteAddr()));
		return "redirect:/security-info/" + kind + "/verify";
	}

	@GetMapping("/security-info/{kind:email|phone}/verify")
	String initVerify(@PathVariable String kind, HttpSession session, Model model) {
		if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.kind().equals(kind)) {
			return "redirect:/security-info/" + kind;
		}
		// The code was queued; if its delivery has since been given up, the page says so.
		model.addAttribute("deliveryFailed", outbox.gaveUp(pending.flowId()));
		return page(kind, model, "verify", null, null);
	}

	@PostMapping("/security-info/{kind:email|phone}/verify")
	String processVerify(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind,
			@ModelAttribute CodeForm form, HttpSession session, Model model, Locale locale) {
		String code = form.code() == null ? "" : form.code();
		if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.kind().equals(kind)) {
			return "redirect:/security-info/" + kind;
		}
		if (!code.strip().matches("\\d{6,10}")) {
			return page(kind, model, "verify", "code", "reset.verify.code.format");
		}
		Check check = verifiers.of(proof(kind)).checkNewDestination(pending.flowId(), user.userPk(), code);
		if (check != Check.VALID) {
			return page(kind, model, "verify", "code",
					check == Check.EXPIRED ? "reset.verify.code.expired"
							: check == Check.REPLACED ? "reset.verify.code.replaced" : "reset.verify.code.wrong");
		}
		RegisteredMethod method = RegisteredMethod.of(kind);
		UserAccount before = directory.user(user.userPk()).orElseThrow();
		method.store(directory, user.userPk(), pending.destination());
		session.removeAttribute(PENDING);
		String tenant = directory.tenantForUserId(user.userId()).map(TenantInfo::displayName).orElse("");
		// The old address hears of the change: the old email always, and the old phone when a phone changed.
		String oldEmail = before.resetEmail();
		if (oldEmail != null && !oldEmail.equalsIgnoreCase(pending.destination())) {
			sender.send(composer.contactChanged(oldEmail, user.tenantId(), tenant, locale));
		}
		if (method == RegisteredMethod.PHONE && before.authPhone() != null
				&& !before.authPhone().equals(pending.destination())) {
			sender.send(composer.contactChangedText(before.authPhone(), tenant, locale));
		}
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REGISTERED, user.tenantId(),
				user.userId(), proof(kind).name(), true, null));
		return "redirect:/security-info?saved";
	}

	private static String destinationProblem(String kind, String destination) {
		String value = destination.strip();
		if (value.isEmpty()) {
			return "reset.verify.destination.required";
		}
		if (value.length() > 320) {
			return "input.tooLong";
		}
		if (!PlainTextValidator.isPlain(value)) {
			return "input.plainText";
		}
		return RegisteredMethod.of(kind).validDestination(value) ? null
				: "registration.contact.error." + kind;
	}

	/** The method whose code proves a new destination of this kind. */
	private static MethodKind proof(String kind) {
		return RegisteredMethod.of(kind).methods().get(0);
	}

	private String page(String kind, Model model, String stage, String field, String error) {
		model.addAttribute("kind", kind);
		model.addAttribute("stage", stage);
		model.addAttribute("errorField", field);
		model.addAttribute("error", error);
		return VIEW;
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return bytes;
	}
}
