package dev.sspr.guest;

import dev.sspr.audit.AdminAction;
import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.Outbox;
import dev.sspr.directory.AccountKind;
import dev.sspr.directory.ConsumerDomains;
import dev.sspr.directory.Directory;
import dev.sspr.directory.Guest;
import dev.sspr.directory.TenantBranding;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.TenantLanguages;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.PasswordContext;
import dev.sspr.policy.PasswordPolicy;
import dev.sspr.policy.PasswordViolation;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.secrets.Digests;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations of guests. An invitation is a 256-bit token that only its holder knows: the
 * database keeps its SHA-256, the guest gets it once, in the link of the invitation's email. It is
 * redeemed once, before it expires, by one conditional update; a new invitation of the same address
 * ends the one not yet redeemed. No token reaches a log, an audit record or an exception.
 */
@Service
public class Invitations {

	/** An invitation's address: what a reset's user ID looks like, and no longer than an address may be. */
	static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
	/** 32 bytes in base64url without padding. */
	private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** What an invitation gave, or why it gave nothing: a field of the form and the message for it. */
	public sealed interface InviteResult {

		record Invited(UserAccount guest) implements InviteResult {
		}

		/** @param field the form's field, or null for the whole form */
		record Refused(String field, String messageKey) implements InviteResult {
		}
	}

	/**
	 * An invitation that can still be redeemed, as its page shows it.
	 *
	 * @param home where the guest will reset once they redeem it: a guest with no home chooses a password
	 * @param homeUserPk the guest's account in another tenant of this portal (home TENANT), or null
	 * @param homeTenantName the display name of the guest's home tenant, or null
	 */
	public record Pending(UserAccount guest, TenantInfo tenant, Guest.Home home, Long homeUserPk, String homeTenantName) {

		public boolean choosesPassword() {
			return home == Guest.Home.NONE;
		}
	}

	/** What a redemption did. */
	public sealed interface Redemption {

		record Redeemed(Pending invitation) implements Redemption {
		}

		/** The password chosen breaks a rule: nothing was redeemed. */
		record Refused(Pending invitation, List<PasswordViolation> violations) implements Redemption {
		}

		/** Unknown, expired, already redeemed or not a token at all: one answer for all. */
		record Invalid() implements Redemption {
		}
	}

	private final JdbcClient jdbc;
	private final Directory directory;
	private final TenantBranding branding;
	private final TenantLanguages languages;
	private final TenantPolicies policies;
	private final PasswordPolicy passwordPolicy;
	private final MessageComposer composer;
	private final Outbox outbox;
	private final ApplicationEventPublisher events;
	private final GuestProperties properties;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final String publicUrl;
	private final ConsumerDomains consumerDomains;

	Invitations(JdbcClient jdbc, Directory directory, TenantBranding branding, TenantLanguages languages,
			TenantPolicies policies, PasswordPolicy passwordPolicy, MessageComposer composer, Outbox outbox,
			ApplicationEventPublisher events, GuestProperties properties, Clock clock,
			PlatformTransactionManager transactionManager, @Value("${sspr.public-url:}") String publicUrl,
			ConsumerDomains consumerDomains) {
		this.consumerDomains = consumerDomains;
		this.jdbc = jdbc;
		this.directory = directory;
		this.branding = branding;
		this.languages = languages;
		this.policies = policies;
		this.passwordPolicy = passwordPolicy;
		this.composer = composer;
		this.outbox = outbox;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
	}

	/**
	 * Invites a guest by address: the account at once (or the one this address was invited with before),
	 * a new invitation replacing any not yet redeemed, and its email in the tenant's default language.
	 * An address in one of the tenant's own domains is a member's, never a guest's.
	 *
	 * @param homeOrganization the organization outside the portal the guest belongs to, or null
	 */
	@Transactional
	public InviteResult invite(long tenantId, String actor, String email, String displayName, String homeOrganization) {
		String address = email == null ? "" : Directory.normalizeUserId(email);
		if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
			return new InviteResult.Refused("email", "admin.invite.email.invalid");
		}
		if (directory.tenantForUserId(address).filter(owner -> owner.id() == tenantId).isPresent()) {
			return new InviteResult.Refused("email", "admin.invite.email.member");
		}
		if (publicUrl.isEmpty()) {
			return new InviteResult.Refused(null, "admin.invite.noPublicUrl");
		}
		TenantInfo tenant = branding.tenant(tenantId).orElseThrow();
		// A personal account's home is its provider: it signs in there, and never gets a password here.
		String home = homeOrganization == null || homeOrganization.isBlank()
				? consumerDomains.recoveryFor(address).map(ConsumerDomains.Recovery::provider).orElse(null)
				: homeOrganization.strip();
		Optional<UserAccount> invited = directory.inviteGuest(tenantId, address, displayName.strip(), home);
		if (invited.isEmpty()) {
			return new InviteResult.Refused("email", "admin.invite.email.taken");
		}
		UserAccount guest = invited.get();
		String token = newToken();
		Instant now = clock.instant();
		// The link not yet used dies with the new one: one account, one live invitation.
		jdbc.sql("delete from guest_invitation where user_id = ? and redeemed_at is null").param(guest.id()).update();
		jdbc.sql("""
				insert into guest_invitation (tenant_id, user_id, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?)""")
				.params(tenantId, guest.id(), hash(token), utc(now), utc(now.plus(properties.invitationLifetime())))
				.update();
		String tag = languages.of(tenantId).defaultLanguage();
		Locale locale = tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
		outbox.send(composer.invitation(address, tenantId, tenant.displayName(), publicUrl + "/invitation?token=" + token,
				properties.invitationLifetime(), locale));
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_GUEST_INVITED, tenantId, actor, guest.userId(), true,
				guest.guest().homeOrganization() == null ? null : "homeOrganization: " + guest.guest().homeOrganization()));
		return new InviteResult.Invited(guest);
	}

	/** The invitation this token redeems, while it can be: never redeems anything (link scanners open links). */
	@Transactional(readOnly = true)
	public Optional<Pending> open(String token) {
		return row(token).flatMap(row -> pending(row.userPk(), row.tenantId()));
	}

	/**
	 * Redeems the invitation once: the first of two concurrent redemptions wins and the other finds it
	 * redeemed. Records the address the guest proved and their home, or the password they chose.
	 */
	public Redemption redeem(String token, String newPassword, String confirmPassword) {
		Optional<Row> row = transactions.execute(status -> row(token));
		Optional<Pending> found = row.flatMap(r -> transactions.execute(status -> pending(r.userPk(), r.tenantId())));
		if (found.isEmpty()) {
			return new Redemption.Invalid();
		}
		Pending pending = found.get();
		String password = null;
		if (pending.choosesPassword()) {
			List<PasswordViolation> violations = check(pending, newPassword, confirmPassword);
			if (!violations.isEmpty()) {
				return new Redemption.Refused(pending, violations);
			}
			password = newPassword;
		}
		String chosen = password;
		UserAccount guest = pending.guest();
		Long home = pending.homeUserPk();
		boolean redeemed = Boolean.TRUE.equals(transactions.execute(status -> {
			Instant now = clock.instant();
			int claimed = jdbc.sql("""
					update guest_invitation set redeemed_at = ?
					where id = ? and redeemed_at is null and expires_at > ?""")
					.params(utc(now), row.get().id(), utc(now)).update();
			if (claimed == 0) {
				return false;
			}
			directory.redeemGuest(guest.id(), guest.guest().email(), home, chosen);
			return true;
		}));
		if (!redeemed) {
			return new Redemption.Invalid();
		}
		events.publishEvent(new AdminAction(AdminAction.Kind.GUEST_INVITATION_REDEEMED, guest.tenantId(), guest.userId(),
				guest.userId(), true, "home: " + pending.home()));
		return new Redemption.Redeemed(pending);
	}

	/** Which of these users have an invitation that can still be redeemed, and until when (the console). */
	@Transactional(readOnly = true)
	public Map<Long, Instant> pendingUntil(Collection<Long> userPks) {
		if (userPks.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select user_id, max(expires_at) from guest_invitation
				where user_id in (:users) and redeemed_at is null and expires_at > :now group by user_id""")
				.param("users", List.copyOf(userPks)).param("now", utc(clock.instant()))
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private List<PasswordViolation> check(Pending pending, String newPassword, String confirmPassword) {
		if (newPassword == null || newPassword.isEmpty()) {
			return List.of(new PasswordViolation("reset.password.required", List.of()));
		}
		if (newPassword.length() > 1024) {
			return List.of(new PasswordViolation("password.rule.tooLong", List.of(PasswordPolicy.MAX_LENGTH)));
		}
		if (!newPassword.equals(confirmPassword)) {
			return List.of(new PasswordViolation("password.rule.mismatch", List.of()));
		}
		UserAccount guest = pending.guest();
		// The rules see the address the guest is known by: not their #EXT# name, their own address.
		return passwordPolicy.check(newPassword, new PasswordContext(guest.guest().email(), guest.displayName(),
				guest.givenName(), guest.surname(), pending.tenant().displayName(), policies.bannedTerms(guest.tenantId())));
	}

	private Optional<Pending> pending(long userPk, long tenantId) {
		Optional<UserAccount> found = directory.userInTenant(tenantId, userPk)
				.filter(u -> u.kind() == AccountKind.GUEST);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		UserAccount guest = found.get();
		TenantInfo tenant = branding.tenant(tenantId).orElseThrow();
		Optional<UserAccount> homeMember = homeMember(guest.guest().email(), tenantId);
		if (homeMember.isPresent()) {
			return Optional.of(new Pending(guest, tenant, Guest.Home.TENANT, homeMember.get().id(),
					directory.homeTenantName(homeMember.get().id()).orElse(null)));
		}
		String organization = guest.guest().homeOrganization();
		return Optional.of(new Pending(guest, tenant,
				organization == null || organization.isBlank() ? Guest.Home.NONE : Guest.Home.ORGANIZATION, null, null));
	}

	/** The member of another tenant of this portal whose user ID the invited address is: the guest's home. */
	private Optional<UserAccount> homeMember(String address, long invitingTenantId) {
		return directory.tenantForUserId(address).filter(owner -> owner.id() != invitingTenantId)
				.flatMap(owner -> directory.findUser(address)
						.filter(member -> member.tenantId() == owner.id() && member.kind() == AccountKind.MEMBER));
	}

	private record Row(long id, long tenantId, long userPk) {
	}

	/** The invitation of a well-formed token that is neither redeemed nor expired. */
	private Optional<Row> row(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id, tenant_id, user_id from guest_invitation
				where token_hash = ? and redeemed_at is null and expires_at > ?""")
				.params(hash(token), utc(clock.instant()))
				.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The only form of a token the portal keeps. */
	static String hash(String token) {
		return Digests.sha256Hex(token);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
