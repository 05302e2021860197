package dev.sspr.registration;

import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import dev.sspr.input.PlainText;
import dev.sspr.passkey.Ceremonies.Attestation;
import dev.sspr.passkey.Ceremonies.CreationOptions;
import dev.sspr.passkey.Ceremonies.Registration;
import dev.sspr.passkey.Passkeys;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Passkeys on the security-info page: adding one (a new way in, so only with the password typed in the
 * last five minutes, even the first), renaming and deleting one. Adding and deleting are told to the
 * user's email, as a changed contact is. The ceremony itself is {@link Passkeys}'; this only carries it.
 */
@Controller
class PasskeysController {

	static final String VIEW_NEW = "registration/passkey";
	/** Session attribute: the creation options the page handed out, answered once (then removed). */
	static final String OPTIONS = "sspr.registration.passkeyOptions";
	/** Flash attribute: a rename refused, shown beside that passkey's name field. */
	static final String RENAME_ERROR = "passkeyRenameError";
	private static final String BASE64URL = "^[A-Za-z0-9_-]*$";
	private static final String NO_MARKUP = "^[^<>]*$";

	/** The name a user gives a passkey: 1 to 64 characters once stripped, plain text, no markup. */
	record NameForm(
			@NotBlank(message = "{registration.passkey.name.required}")
			@Size(max = Passkeys.NAME_MAX_LENGTH, message = "{registration.passkey.name.tooLong}")
			@PlainText @Pattern(regexp = NO_MARKUP, message = "{registration.passkey.name.markup}") String name) {

		NameForm {
			name = name == null ? null : name.strip();
		}
	}

	/** A new passkey: its name and the device's answer, base64url as {@code passkey.js} posts it. */
	record NewPasskeyForm(
			@NotBlank(message = "{registration.passkey.name.required}")
			@Size(max = Passkeys.NAME_MAX_LENGTH, message = "{registration.passkey.name.tooLong}")
			@PlainText @Pattern(regexp = NO_MARKUP, message = "{registration.passkey.name.markup}") String name,
			@NotBlank @Size(max = 16_384) @Pattern(regexp = BASE64URL) String attestationObject,
			@NotBlank @Size(max = 4096) @Pattern(regexp = BASE64URL) String clientDataJson,
			@Size(max = 100) @Pattern(regexp = "^[a-z,-]*$") String transports) {

		NewPasskeyForm {
			name = name == null ? null : name.strip();
		}

		Attestation attestation() {
			return new Attestation(attestationObject, clientDataJson, transports);
		}
	}

	/** A rename refused: which passkey, why, and what was typed (shown again, escaped). */
	record RenameError(long id, String messageKey, String value) implements Serializable {
	}

	/** The order a name's problems are told in, when it has several. */
	private static final List<String> NAME_PROBLEMS = List.of("registration.passkey.name.required", "input.plainText",
			"registration.passkey.name.markup", "registration.passkey.name.tooLong");

	private final Passkeys passkeys;
	private final Directory directory;
	private final MessageSender sender;
	private final MessageComposer composer;
	private final ApplicationEventPublisher events;

	PasskeysController(Passkeys passkeys, Directory directory, MessageSender sender, MessageComposer composer,
			ApplicationEventPublisher events) {
		this.passkeys = passkeys;
		this.directory = directory;
		this.sender = sender;
		this.composer = composer;
		this.events = events;
	}

	@GetMapping("/security-info/passkeys/new")
	@RecentPassword(kind = "passkey")
	String initNew(@AuthenticationPrincipal SignedInUser user, Model model, HttpSession session) {
		return page(user, model, session, "", null, null);
	}

	@PostMapping("/security-info/passkeys")
	@RecentPassword(kind = "passkey")
	String processNew(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute NewPasskeyForm form,
			BindingResult result, Model model, HttpSession session, Locale locale) {
		String name = form.name() == null ? "" : form.name();
		String nameProblem = nameProblem(result);
		if (nameProblem != null) {
			return page(user, model, session, name, nameProblem, null);
		}
		// The options are single use: taken from the session whatever the answer says.
		Object kept = session.getAttribute(OPTIONS);
		session.removeAttribute(OPTIONS);
		if (result.hasErrors()) {
			// No answer from the device (no script, cancelled) or one that is not base64url: nothing to check.
			return page(user, model, session, name, null, "registration.passkey.noAnswer");
		}
		Registration outcome = kept instanceof CreationOptions options
				? passkeys.register(user.userPk(), options, form.attestation(), name) : Registration.EXPIRED;
		if (outcome != Registration.ADDED) {
			events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.REGISTRATION_REFUSED,
					user.tenantId(), user.userId(), RegisteredMethod.PASSKEY.name(), false, outcome.auditReason()));
			return page(user, model, session, name, null, refusal(outcome));
		}
		tell(user, true, locale);
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REGISTERED, user.tenantId(),
				user.userId(), RegisteredMethod.PASSKEY.name(), true, null));
		return "redirect:/security-info?passkeyAdded";
	}

	/** A new name; not a new way in, so no password again. Someone else's passkey is not found. */
	@PostMapping("/security-info/passkeys/{id}/name")
	String processRename(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@Valid @ModelAttribute NameForm form, BindingResult result, RedirectAttributes flash) {
		if (passkeys.name(user.userPk(), id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String problem = nameProblem(result);
		if (problem != null) {
			flash.addFlashAttribute(RENAME_ERROR, new RenameError(id, problem, form.name() == null ? "" : form.name()));
			return "redirect:/security-info";
		}
		if (!passkeys.rename(user.userPk(), id, form.name())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/security-info?passkeyRenamed";
	}

	@PostMapping("/security-info/passkeys/{id}/delete")
	@RecentPassword(kind = "passkey")
	String processDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model, Locale locale) {
		if (!passkeys.delete(user.userPk(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		tell(user, false, locale);
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REMOVED, user.tenantId(),
				user.userId(), RegisteredMethod.PASSKEY.name(), true, null));
		return "redirect:/security-info?passkeyRemoved";
	}

	/** The user's email hears that a way into the account came or went (no id, no name). */
	private void tell(SignedInUser user, boolean added, Locale locale) {
		UserAccount account = directory.user(user.userPk()).orElseThrow();
		if (account.resetEmail() != null) {
			String tenant = directory.tenantForUserId(user.userId()).map(TenantInfo::displayName).orElse("");
			sender.send(composer.passkeyChanged(account.resetEmail(), user.tenantId(), tenant, added, locale));
		}
	}

	/**
	 * The add page, with fresh creation options kept in the session (any earlier ones are replaced, so
	 * that only the options of the page last shown can be answered). At the limit there is no form.
	 */
	private String page(SignedInUser user, Model model, HttpSession session, String name, String nameError,
			String error) {
		boolean full = passkeys.count(user.userPk()) >= passkeys.maxPerUser();
		model.addAttribute("name", name);
		model.addAttribute("nameError", nameError);
		model.addAttribute("error", full && error == null ? refusal(Registration.TOO_MANY) : error);
		model.addAttribute("full", full);
		model.addAttribute("maxLength", Passkeys.NAME_MAX_LENGTH);
		if (full) {
			session.removeAttribute(OPTIONS);
			return VIEW_NEW;
		}
		UserAccount account = directory.user(user.userPk()).orElseThrow();
		CreationOptions options = passkeys.creationOptions(user.userPk(), account.userId(), account.displayName());
		session.setAttribute(OPTIONS, options);
		model.addAttribute("options", options);
		model.addAttribute("algorithms", Passkeys.ALGORITHM_IDS.stream().map(String::valueOf).toList());
		model.addAttribute("relyingParty", passkeys.relyingParty());
		return VIEW_NEW;
	}

	private static String refusal(Registration outcome) {
		return switch (outcome) {
			case REFUSED, ADDED -> "registration.passkey.refused";
			case ALREADY_REGISTERED -> "registration.passkey.alreadyRegistered";
			case TOO_MANY -> "registration.passkey.tooMany";
			case EXPIRED -> "registration.passkey.expired";
		};
	}

	/** The message key of the name's first problem, as the constraint names it; null when the name is fine. */
	private static String nameProblem(BindingResult result) {
		return result.getFieldErrors("name").stream().map(PasskeysController::messageKey)
				.min((a, b) -> Integer.compare(rank(a), rank(b))).orElse(null);
	}

	private static int rank(String key) {
		int index = NAME_PROBLEMS.indexOf(key);
		return index < 0 ? NAME_PROBLEMS.size() : index;
	}

	private static String messageKey(FieldError error) {
		if (error.isBindingFailure() || !error.contains(ConstraintViolation.class)) {
			return "input.plainText";
		}
		String template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
		return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
				: "input.plainText";
	}
}
