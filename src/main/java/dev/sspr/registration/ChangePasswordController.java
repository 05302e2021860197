package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.PasswordWriteException;
import dev.sspr.directory.UserAccount;
import dev.sspr.input.PlainText;
import dev.sspr.policy.PasswordContext;
import dev.sspr.policy.PasswordPolicy;
import dev.sspr.policy.PasswordViolation;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.verification.OneTimeCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Change password: the current password, the R-30 policy, and the effects of a reset: every
 * other session and open code of the user ends; this session carries on.
 */
@Controller
class ChangePasswordController {

	static final String VIEW = "registration/change-password";

	record ChangePasswordForm(
			@NotBlank(message = "{registration.password.currentRequired}") @Size(max = 1024, message = "{input.tooLong}") String currentPassword,
			@NotBlank(message = "{reset.password.required}") @Size(max = 1024, message = "{input.tooLong}") @PlainText String newPassword,
			@Size(max = 1024, message = "{input.tooLong}") @PlainText String confirmPassword) {

		@Override
		public String toString() {
			return "ChangePasswordForm[****]";
		}
	}

	private final Directory directory;
	private final PasswordPolicy passwordPolicy;
	private final TenantPolicies policies;
	private final OneTimeCodes codes;
	private final PasswordCheck passwords;
	private final ApplicationEventPublisher events;
	private final SessionRenewal sessions;

	ChangePasswordController(Directory directory, PasswordPolicy passwordPolicy, TenantPolicies policies,
			OneTimeCodes codes, PasswordCheck passwords, ApplicationEventPublisher events, SessionRenewal sessions) {
		this.sessions = sessions;
		this.directory = directory;
		this.passwordPolicy = passwordPolicy;
		this.policies = policies;
		this.codes = codes;
		this.passwords = passwords;
		this.events = events;
	}

	@GetMapping("/security-info/password")
	String initChangePassword(Model model) {
		model.addAttribute("changePasswordForm", new ChangePasswordForm("", "", ""));
		return page(model);
	}

	@PostMapping("/security-info/password")
	String processChangePassword(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("changePasswordForm") ChangePasswordForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (result.hasErrors()) {
			return page(model);
		}
		PasswordCheck.Result checked = passwords.check(user, form.currentPassword());
		Optional<UserAccount> account = checked.account();
		if (account.isEmpty()) {
			boolean throttled = checked.outcome() == PasswordCheck.Outcome.THROTTLED;
			result.rejectValue("currentPassword", throttled ? "registration.password.throttled" : "registration.password.currentWrong");
			events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.REGISTRATION_REFUSED, user.tenantId(),
					user.userId(), "PASSWORD", false, throttled ? "CURRENT_PASSWORD_THROTTLED" : "CURRENT_PASSWORD_WRONG"));
			return page(model);
		}
		UserAccount current = account.get();
		// the writeback switch applies here too; with it off, an on-premises password is changed on premises.
		boolean writeback = !current.passwordSource().onPremises() || policies.policyOf(current.tenantId()).writebackEnabled();
		List<PasswordViolation> violations = !writeback
				? List.of(new PasswordViolation("reset.password.error.writeUnavailable", List.of()))
				: form.newPassword().equals(form.confirmPassword())
				? passwordPolicy.check(form.newPassword(), new PasswordContext(current.userId(), current.displayName(),
						current.givenName(), current.surname(), tenantName(current), policies.bannedTerms(current.tenantId())))
				: List.of(new PasswordViolation("password.rule.mismatch", List.of()));
		if (violations.isEmpty()) {
			try {
				directory.resetPassword(current.id(), form.newPassword());
			}
			catch (PasswordWriteException ex) {
				violations = List.of(new PasswordViolation(ex.messageKey(), List.of()));
			}
		}
		if (!violations.isEmpty()) {
			for (PasswordViolation violation : violations) {
				String field = violation.messageKey().equals("password.rule.mismatch") ? "confirmPassword" : "newPassword";
				result.rejectValue(field, violation.messageKey(), violation.argumentArray(), null);
			}
			return page(model);
		}
		codes.closeAll(current.id());
		sessions.renew(user, request, response);
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.PASSWORD_CHANGED, user.tenantId(),
				user.userId(), "PASSWORD", true, null));
		return "redirect:/security-info?passwordChanged";
	}

	private String tenantName(UserAccount user) {
		return directory.tenantForUserId(user.userId()).map(t -> t.displayName()).orElse("");
	}

	private String page(Model model) {
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return VIEW;
	}
}
