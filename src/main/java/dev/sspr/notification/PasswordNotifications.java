package dev.sspr.notification;

import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.registration.RegistrationActivity;
import dev.sspr.reset.ResetActivity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * after a reset or a password change the user hears of it at their primary and alternate
 * addresses; R-51: after an administrator's reset every other administrator of the tenant hears of
 * it at their primary address. Each as the tenant's switch says, in the language of the page the
 * change was made on, with no secret and a "this wasn't me" line.
 */
@Component
class PasswordNotifications {

	private final Directory directory;
	private final TenantPolicies policies;
	private final MessageComposer composer;
	private final MessageSender sender;

	PasswordNotifications(Directory directory, TenantPolicies policies, MessageComposer composer, MessageSender sender) {
		this.directory = directory;
		this.policies = policies;
		this.composer = composer;
		this.sender = sender;
	}

	@EventListener
	void on(ResetActivity activity) {
		if (activity.kind() == ResetActivity.Kind.PASSWORD_RESET && activity.success() && activity.tenantId() != null) {
			notify(activity.tenantId(), activity.subject(), true);
		}
	}

	@EventListener
	void on(RegistrationActivity activity) {
		if (activity.kind() == RegistrationActivity.Kind.PASSWORD_CHANGED && activity.success()) {
			notify(activity.tenantId(), activity.subject(), false);
		}
	}

	private void notify(long tenantId, String userId, boolean reset) {
		Optional<UserAccount> found = directory.findUser(userId).filter(u -> u.tenantId() == tenantId);
		if (found.isEmpty()) {
			return;
		}
		UserAccount user = found.get();
		SsprPolicy policy = policies.policyOf(tenantId);
		String tenant = directory.tenantForUserId(userId).map(TenantInfo::displayName).orElse("");
		Locale locale = LocaleContextHolder.getLocale();
		if (policy.notifyUsers()) {
			Set<String> addresses = new LinkedHashSet<>();
			// A guest without a home has no directory address: the one they proved is theirs.
			String proven = user.external() ? user.resetEmail() : null;
			for (String address : new String[] { user.primaryEmail(), user.alternateEmail(), proven }) {
				if (address != null && !address.isBlank()) {
					addresses.add(address.strip().toLowerCase(Locale.ROOT));
				}
			}
			addresses.forEach(address -> sender.send(composer.passwordChanged(address, tenantId, tenant, userId, locale)));
		}
		if (reset && user.administrator() && policy.notifyAdmins()) {
			for (UserAccount admin : directory.usersOf(tenantId)) {
				if (admin.administrator() && admin.id() != user.id() && admin.enabled() && admin.primaryEmail() != null) {
					sender.send(composer.adminPasswordReset(admin.primaryEmail(), tenantId, tenant, user.displayName(),
							userId, locale));
				}
			}
		}
	}
}
