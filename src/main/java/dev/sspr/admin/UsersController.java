package dev.sspr.admin;

import dev.sspr.audit.ActivityReports;
import dev.sspr.audit.AdminAction;
import dev.sspr.delivery.Masking;
import dev.sspr.directory.AccountKind;
import dev.sspr.directory.Directory;
import dev.sspr.directory.Guest;
import dev.sspr.directory.PasswordWriteException;
import dev.sspr.directory.UserAccount;
import dev.sspr.guest.Invitations;
import dev.sspr.input.PlainText;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.RefusalReason;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.registration.SignedInUser;
import dev.sspr.verification.AuthenticatorApps;
import dev.sspr.verification.SecurityQuestions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Users: a searchable, paged list with what each has registered and whether they could reset
 * now; per user, masked contacts (never an answer), the office phone, unlock and "register again".
 */
@Controller
class UsersController {

	static final String LIST_VIEW = "admin/users";
	static final String USER_VIEW = "admin/user";
	static final String REREGISTER_VIEW = "admin/reregister";
	static final int PAGE_SIZE = 25;
	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9 ()\\-.]{6,30}$");

	/**
	 * One line of the list: the user, what they registered, and the reset verdict (null: eligible);
	 * for a guest, their home and invitation, null for a member. Passkeys are counted, never
	 * listed: their ids and names are the user's business (their security-info page).
	 */
	record UserRow(UserAccount user, boolean email, boolean mobile, boolean office, boolean app, int answers,
			int passkeys, RefusalReason refusal, GuestView guest) {

		static UserRow of(TenantEligibility.Row row, GuestView guest) {
			UserAccount user = row.user();
			return new UserRow(user, user.resetEmail() != null, user.resetMobile() != null,
					user.officePhone() != null && !user.officePhone().isBlank(), row.registration().app(),
					row.registration().answers(), row.registration().passkeys(), row.verdict().refusal(), guest);
		}
	}

	/**
	 * A guest as the console shows them.
	 *
	 * @param homeName the home tenant's display name, or the outside organization's name, or null for none
	 * @param invitation PENDING, REDEEMED or EXPIRED (invited, never redeemed, no live link)
	 * @param pendingUntil when the pending invitation's link stops working, or null
	 */
	record GuestView(Guest.Home home, String homeName, String invitation, Instant pendingUntil) {
	}

	/** The console's invitation of a guest. */
	record InviteForm(
			@NotBlank(message = "{admin.invite.email.invalid}") @Size(max = 320, message = "{input.tooLong}") @PlainText
			@Pattern(regexp = "^\\s*[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+\\s*$", message = "{admin.invite.email.invalid}")
			String email,
			@NotBlank(message = "{admin.invite.displayName.required}") @Size(max = 200, message = "{input.tooLong}") @PlainText
			String displayName,
			@Size(max = 200, message = "{input.tooLong}") @PlainText String homeOrganization) {

		static final InviteForm EMPTY = new InviteForm("", "", "");
	}

	private final Directory directory;
	private final TenantPolicies policies;
	private final TenantEligibility eligibility;
	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final ActivityReports activity;
	private final ApplicationEventPublisher events;
	private final Invitations invitations;
	private final Passkeys passkeys;

	UsersController(Directory directory, TenantPolicies policies, TenantEligibility eligibility,
			SecurityQuestions questions, AuthenticatorApps apps, ActivityReports activity,
			ApplicationEventPublisher events, Invitations invitations, Passkeys passkeys) {
		this.invitations = invitations;
		this.passkeys = passkeys;
		this.directory = directory;
		this.policies = policies;
		this.eligibility = eligibility;
		this.questions = questions;
		this.apps = apps;
		this.activity = activity;
		this.events = events;
	}

	@GetMapping("/admin/users")
	String listUsers(@AuthenticationPrincipal SignedInUser admin, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") String page, Model model) {
		String query = q.length() > 100 ? q.substring(0, 100) : q;
		Integer number = PolicyValidator.number(page, 0, 9999);
		Page<UserAccount> users = directory.search(admin.tenantId(), query, number == null ? 0 : number, PAGE_SIZE);
		SsprPolicy policy = policies.policyOf(admin.tenantId());
		Map<Long, GuestView> guests = guests(users.getContent());
		model.addAttribute("rows", eligibility.rows(users.getContent(), admin.tenantId(), policy, Set.of()).stream()
				.map(row -> UserRow.of(row, guests.get(row.user().id()))).toList());
		model.addAttribute("usersPage", users);
		model.addAttribute("q", query);
		model.addAttribute("questionsToReset", policy.questionsToReset());
		if (!model.containsAttribute("inviteForm")) {
			model.addAttribute("inviteForm", InviteForm.EMPTY);
		}
		return LIST_VIEW;
	}

	/**
	 * Invites a guest: the account at once, and an email with a one-time link. An address of the
	 * tenant's own domains, or one that is not an address, is told beside the field.
	 */
	@PostMapping("/admin/users/invite")
	String processInvite(@AuthenticationPrincipal SignedInUser admin, @Valid @ModelAttribute InviteForm inviteForm,
			BindingResult result, Model model) {
		if (!result.hasErrors()) {
			Invitations.InviteResult outcome = invitations.invite(admin.tenantId(), admin.userId(), inviteForm.email(),
					inviteForm.displayName(), inviteForm.homeOrganization());
			if (outcome instanceof Invitations.InviteResult.Invited invited) {
				return "redirect:/admin/users/" + invited.guest().id() + "?invited";
			}
			Invitations.InviteResult.Refused refused = (Invitations.InviteResult.Refused) outcome;
			if (refused.field() == null) {
				result.reject(refused.messageKey());
			}
			else {
				result.rejectValue(refused.field(), refused.messageKey());
			}
		}
		return listUsers(admin, "", "0", model);
	}

	/** The guests among these users, with their homes and invitations. */
	private Map<Long, GuestView> guests(List<UserAccount> users) {
		List<UserAccount> guests = users.stream().filter(u -> u.kind() == AccountKind.GUEST).toList();
		Map<Long, Instant> pending = invitations.pendingUntil(guests.stream().map(UserAccount::id).toList());
		Map<Long, GuestView> views = new HashMap<>();
		for (UserAccount guest : guests) {
			Guest info = guest.guest();
			String homeName = switch (info.home()) {
				case TENANT -> directory.homeTenantName(info.homeUserPk()).orElse(null);
				case ORGANIZATION -> info.homeOrganization();
				case NONE -> null;
			};
			String invitation = info.provenEmail() != null ? "REDEEMED"
					: pending.containsKey(guest.id()) ? "PENDING" : "EXPIRED";
			views.put(guest.id(), new GuestView(info.home(), homeName, invitation, pending.get(guest.id())));
		}
		return views;
	}

	@GetMapping("/admin/users/{id}")
	String showUser(@AuthenticationPrincipal SignedInUser admin, @PathVariable String id, Model model) {
		UserAccount user = userOf(admin, id);
		SsprPolicy policy = policies.policyOf(admin.tenantId());
		TenantEligibility.Row row = eligibility.row(user, policy);
		model.addAttribute("row", UserRow.of(row, guests(List.of(user)).get(user.id())));
		model.addAttribute("user", user);
		model.addAttribute("authEmail", user.authEmail() == null ? null : Masking.maskEmail(user.authEmail()));
		model.addAttribute("alternateEmail", user.alternateEmail() == null ? null : Masking.maskEmail(user.alternateEmail()));
		model.addAttribute("authPhone", user.authPhone() == null ? null : Masking.maskPhone(user.authPhone()));
		model.addAttribute("mobilePhone", user.mobilePhone() == null ? null : Masking.maskPhone(user.mobilePhone()));
		model.addAttribute("questionsToReset", policy.questionsToReset());
		model.addAttribute("activity", activity.ofUser(admin.tenantId(), user.userId(), 10));
		model.addAttribute("officePhone", user.officePhone() == null ? "" : user.officePhone());
		return USER_VIEW;
	}

	@PostMapping("/admin/users/{id}/office-phone")
	String processOfficePhone(@AuthenticationPrincipal SignedInUser admin, @PathVariable String id,
			@RequestParam(defaultValue = "") String officePhone, Model model) {
		UserAccount user = userOf(admin, id);
		String phone = officePhone.strip();
		if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
			model.addAttribute("officePhoneError", "admin.user.officePhone.invalid");
			String page = showUser(admin, id, model);
			model.addAttribute("officePhone", officePhone.length() > 40 ? officePhone.substring(0, 40) : officePhone);
			return page;
		}
		directory.setOfficePhone(user.id(), phone.isEmpty() ? null : phone);
		audit(admin, AdminAction.Kind.ADMIN_OFFICE_PHONE_SET, user, true,
				"officePhone: " + masked(user.officePhone()) + " -> " + masked(phone.isEmpty() ? null : phone));
		return "redirect:/admin/users/" + user.id() + "?saved";
	}

	@PostMapping("/admin/users/{id}/unlock")
	String processUnlock(@AuthenticationPrincipal SignedInUser admin, @PathVariable String id) {
		UserAccount user = userOf(admin, id);
		try {
			directory.unlock(user.id());
		}
		catch (PasswordWriteException ex) {
			// The directory's reason is a message key: it goes where the console labels reasons, not into details.
			events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_ACCOUNT_UNLOCKED, admin.tenantId(), admin.userId(),
					user.userId(), false, ex.messageKey(), null));
			return "redirect:/admin/users/" + user.id() + "?unlockFailed";
		}
		audit(admin, AdminAction.Kind.ADMIN_ACCOUNT_UNLOCKED, user, true, null);
		return "redirect:/admin/users/" + user.id() + "?unlocked";
	}

	@GetMapping("/admin/users/{id}/reregister")
	String initReregister(@AuthenticationPrincipal SignedInUser admin, @PathVariable String id, Model model) {
		model.addAttribute("user", userOf(admin, id));
		return REREGISTER_VIEW;
	}

	/**
	 * Forgets every method the user registered, passkeys included (a passkey on a lost or shared device
	 * is as much in other hands as a phone); their directory contacts stay.
	 */
	@PostMapping("/admin/users/{id}/reregister")
	String processReregister(@AuthenticationPrincipal SignedInUser admin, @PathVariable String id) {
		UserAccount user = userOf(admin, id);
		questions.register(user.id(), List.of());
		apps.remove(user.id());
		int removedPasskeys = passkeys.deleteAll(user.id());
		directory.clearRegistration(user.id());
		audit(admin, AdminAction.Kind.ADMIN_REREGISTRATION_REQUIRED, user, true,
				removedPasskeys == 0 ? null : "passkeys removed: " + removedPasskeys);
		return "redirect:/admin/users/" + user.id() + "?reregistered";
	}

	/**
	 * The user with this id in the administrator's own tenant. Anything else (another tenant's user,
	 * no user, not a number) is the same 404, and the attempt is audited (S-65).
	 */
	private UserAccount userOf(SignedInUser admin, String id) {
		boolean number = id.matches("\\d{1,18}");
		Optional<UserAccount> user = number ? directory.userInTenant(admin.tenantId(), Long.parseLong(id)) : Optional.empty();
		return user.orElseThrow(() -> {
			events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_FOREIGN_ID, admin.tenantId(), admin.userId(), null,
					false, "user id " + (number ? id : "(not a number)")));
			return new ResponseStatusException(HttpStatus.NOT_FOUND);
		});
	}

	private void audit(SignedInUser admin, AdminAction.Kind kind, UserAccount user, boolean success, String details) {
		events.publishEvent(new AdminAction(kind, admin.tenantId(), admin.userId(), user.userId(), success, details));
	}

	private static String masked(String phone) {
		return phone == null ? "none" : Masking.maskPhone(phone);
	}
}
