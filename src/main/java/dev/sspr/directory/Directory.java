package dev.sspr.directory;

import dev.sspr.input.LikePattern;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's directory: look-ups of tenants and users, and the password write of a reset. Reads
 * are short read-only transactions; whatever may talk to the on-premises directory (a write, a bind)
 * runs with {@code Propagation.NEVER}, so that no database connection is held across an LDAP call.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	private final UserRepository users;
	private final TenantRepository tenants;
	private final List<PasswordWriter> writers;
	private final List<PasswordVerifier> verifiers;
	private final TransactionTemplate transactions;
	private final TransactionTemplate readOnly;
	private final ConsumerDomains consumerDomains;
	private final java.time.Clock clock;

	Directory(UserRepository users, TenantRepository tenants, List<PasswordWriter> writers,
			List<PasswordVerifier> verifiers, PlatformTransactionManager transactionManager, ConsumerDomains consumerDomains,
			java.time.Clock clock) {
		this.consumerDomains = consumerDomains;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.users = users;
		this.tenants = tenants;
		this.writers = List.copyOf(writers);
		this.verifiers = List.copyOf(verifiers);
	}

	/** User IDs are compared case-insensitively, as user principal names are. */
	public static String normalizeUserId(String userId) {
		return userId.strip().toLowerCase(Locale.ROOT);
	}

	public Optional<UserAccount> findUser(String userId) {
		return users.findByUserId(normalizeUserId(userId)).map(UserEntity::toAccount);
	}

	public Optional<UserAccount> user(long id) {
		return users.findById(id).map(UserEntity::toAccount);
	}

	/** A user of this tenant; empty for another tenant's user as for no user at all (R-01). */
	public Optional<UserAccount> userInTenant(long tenantId, long userPk) {
		return users.findByIdAndTenantId(userPk, tenantId).map(UserEntity::toAccount);
	}

	/**
	 * Whether this tenant's portal resets the account (R-03): members and guests without a home, but
	 * never a personal account of a consumer provider.
	 */
	public boolean resetsHere(UserAccount user) {
		return user.resetsHere() && !consumerDomains.isConsumer(user);
	}

	/** Every user of a tenant, by display name. */
	public List<UserAccount> usersOf(long tenantId) {
		return users.findByTenantIdOrderByDisplayNameAscIdAsc(tenantId).stream().map(UserEntity::toAccount).toList();
	}

	/** A page of a tenant's users whose user ID or display name contains {@code query} (any case). */
	public Page<UserAccount> search(long tenantId, String query, int page, int size) {
		return users.search(tenantId, LikePattern.containing(query), PageRequest.of(page, size, Sort.by("displayName", "id")))
				.map(UserEntity::toAccount);
	}

	/** The office phone, which only an administrator sets (R-02, R-64); null clears it. */
	@Transactional
	public void setOfficePhone(long userPk, String phone) {
		users.findById(userPk).orElseThrow().officePhone = phone;
	}

	/**
	 * Forgets the authentication email and phone the user registered and their last confirmation,
	 * so that the next sign-in asks them to register again (R-23). Directory fields stay.
	 */
	@Transactional
	public void clearRegistration(long userPk) {
		UserEntity entity = users.findById(userPk).orElseThrow();
		entity.authEmail = null;
		entity.authPhone = null;
		entity.securityInfoConfirmedAt = null;
	}

	/**
	 * Who a typed user ID names (R-01, R-03). A member of the tenant owning its domain first (a guest's
	 * own {@code #EXT#} name is in the inviting tenant's domain); otherwise the guest or sign-up user
	 * invited or signed up with that address, when exactly one is. A guest at home in another tenant is
	 * that tenant's member to reset. A personal account of a consumer provider is never reset here: its
	 * domain alone decides, with no look-up, and a guest with such an address is sent to the same page.
	 * The same three queries run whether or not anyone is found (S-01).
	 */
	public Resolution resolve(String typedUserId) {
		String normalized = normalizeUserId(typedUserId);
		Optional<ConsumerDomains.Recovery> consumer = consumerDomains.recoveryFor(normalized);
		if (consumer.isPresent()) {
			return new Resolution.Consumer(consumer.get());
		}
		Optional<TenantInfo> byDomain = tenantForUserId(normalized);
		Optional<UserEntity> byId = users.findByUserId(normalized)
				.filter(u -> byDomain.isPresent() && u.tenantId.equals(byDomain.get().id()));
		List<UserEntity> byEmail = users.findByExternalEmail(normalized);
		Optional<UserAccount> account = byId.or(() -> byEmail.size() == 1 ? Optional.of(byEmail.get(0)) : Optional.empty())
				.map(UserEntity::toAccount);
		if (account.isEmpty()) {
			return new Resolution.Unknown(byDomain);
		}
		UserAccount user = account.get();
		if (consumerDomains.isConsumer(user)) {
			return new Resolution.Consumer(consumerDomains.recoveryFor(user.guest().email()).orElseThrow());
		}
		TenantInfo tenant = tenants.findById(user.tenantId()).map(TenantEntity::toInfo).orElseThrow();
		if (user.guest() == null || user.external()) {
			return new Resolution.Account(user, tenant);
		}
		if (user.guest().home() == Guest.Home.ORGANIZATION) {
			return new Resolution.OutsideHome(user, tenant, outsideGuestPage(tenant.id()));
		}
		UserAccount home = user(user.guest().homeUserPk()).orElseThrow();
		return new Resolution.Account(home, tenants.findById(home.tenantId()).map(TenantEntity::toInfo).orElseThrow());
	}

	/**
	 * The guest account a tenant invites (R-03): created at once, enabled and licensed, with no password
	 * yet, named {@code <address with @ as _>#EXT#@<the tenant's first domain>}; a guest already invited
	 * with that address is the same account (its name, and its outside organization until redeemed, as
	 * now given). Empty when the address belongs to another kind of account of the tenant (a sign-up user).
	 *
	 * @param email the invited address, already checked and in lower case
	 * @param homeOrganization the organization outside the portal the guest belongs to, or null
	 */
	@Transactional
	public Optional<UserAccount> inviteGuest(long tenantId, String email, String displayName, String homeOrganization) {
		Optional<UserEntity> existing = users.findByTenantIdAndExternalEmail(tenantId, email);
		if (existing.isPresent()) {
			UserEntity guest = existing.get();
			if (guest.accountKind != AccountKind.GUEST) {
				return Optional.empty();
			}
			guest.displayName = displayName;
			if (guest.provenEmail == null) {
				guest.homeOrganization = homeOrganization;
			}
			return Optional.of(guest.toAccount());
		}
		String domain = tenants.firstDomain(tenantId).orElseThrow();
		UserEntity guest = new UserEntity();
		guest.tenantId = tenantId;
		guest.userId = normalizeUserId(email.replace('@', '_') + "#EXT#@" + domain);
		guest.displayName = displayName;
		guest.enabled = true;
		guest.licensed = true;
		guest.passwordSource = PasswordSource.CLOUD;
		guest.accountKind = AccountKind.GUEST;
		guest.externalEmail = email;
		guest.homeOrganization = homeOrganization;
		return Optional.of(users.saveAndFlush(guest).toAccount());
	}

	/**
	 * Records a redeemed invitation (R-03), in the caller's transaction: the address the guest proved,
	 * their home in another tenant if they have one, and the password they chose if they reset here.
	 *
	 * @param homeUserPk the guest's account in another tenant of this portal, or null
	 * @param newPassword the password chosen (already checked against the rules), or null for a guest with a home
	 */
	@Transactional
	public void redeemGuest(long guestPk, String provenEmail, Long homeUserPk, String newPassword) {
		UserEntity guest = users.findById(guestPk).orElseThrow();
		if (guest.accountKind != AccountKind.GUEST) {
			throw new IllegalStateException("not a guest");
		}
		guest.provenEmail = provenEmail;
		guest.homeUserId = homeUserPk;
		if (homeUserPk != null) {
			// Should the home account go (its id is then set to null), the guest is still from elsewhere:
			// sent to that organization, never turned into an account that resets here.
			guest.homeOrganization = homeTenantName(homeUserPk).orElse(null);
		}
		if (newPassword != null) {
			guest.passwordHash = CloudPasswordWriter.ENCODER.encode(newPassword);
			guest.passwordChangedAt = clock.instant();
		}
		guest.securityStamp++;
	}

	/** The display name of the tenant whose member this is: a guest's home in the console (R-03). */
	public Optional<String> homeTenantName(long homeUserPk) {
		return users.findById(homeUserPk).flatMap(u -> tenants.findById(u.tenantId)).map(t -> t.displayName);
	}

	/** What a tenant tells its guests from organizations outside the portal, and where it sends them (R-03). */
	public OutsideGuestPage outsideGuestPage(long tenantId) {
		return tenants.findById(tenantId).map(t -> new OutsideGuestPage(t.outsideGuestText, t.outsideGuestUrl))
				.orElse(new OutsideGuestPage(null, null));
	}

	/** The tenant owning the domain part of a user ID (R-01). */
	public Optional<TenantInfo> tenantForUserId(String userId) {
		String normalized = normalizeUserId(userId);
		int at = normalized.lastIndexOf('@');
		if (at < 0 || at == normalized.length() - 1) {
			return Optional.empty();
		}
		return tenants.findByDomain(normalized.substring(at + 1)).map(TenantEntity::toInfo);
	}

	/** Whether a password for this source can be written at all (on premises: writeback deployed). */
	public boolean canWrite(PasswordSource source) {
		return writers.stream().anyMatch(w -> w.supports(source));
	}

	/**
	 * Sets a new password, unlocks the account and ends every other session and code of the user by
	 * moving the security stamp on (R-19, S-50): the directory's write with no transaction held, then
	 * the portal's side in a short one. A refused write changes nothing.
	 */
	@Transactional(propagation = Propagation.NEVER)
	public void resetPassword(long userPk, String newPassword) throws PasswordWriteException {
		writeRemotely(userPk, newPassword);
		finishInTransaction(userPk, newPassword);
	}

	/** Unlocks without changing the password (R-41), as {@link #resetPassword} does. */
	@Transactional(propagation = Propagation.NEVER)
	public void unlock(long userPk) throws PasswordWriteException {
		writeRemotely(userPk, null);
		finishInTransaction(userPk, null);
	}

	/**
	 * The remote half of a reset: the password (or, when {@code newPassword} is null, only the unlock)
	 * written to the on-premises directory. Never inside a transaction: no database connection is held
	 * while the directory answers. Nothing to do for a password the portal keeps itself, which
	 * {@link #finishWrite} writes.
	 */
	@Transactional(propagation = Propagation.NEVER)
	public void writeRemotely(long userPk, String newPassword) throws PasswordWriteException {
		UserAccount account = read(() -> user(userPk)).orElseThrow();
		PasswordWriter writer = writerFor(account.passwordSource());
		if (writer.local()) {
			return;
		}
		if (newPassword == null) {
			writer.unlock(account);
		}
		else {
			writer.resetPassword(account, newPassword);
		}
	}

	/**
	 * The portal's half of a reset, in the caller's transaction: a password the portal keeps (cloud)
	 * is written here, the account is unlocked and the security stamp moves on (S-50).
	 */
	@Transactional
	public void finishWrite(long userPk, String newPassword) throws PasswordWriteException {
		UserEntity entity = users.findById(userPk).orElseThrow();
		UserAccount account = entity.toAccount();
		PasswordWriter writer = writerFor(account.passwordSource());
		if (writer.local()) {
			if (newPassword == null) {
				writer.unlock(account);
			}
			else {
				writer.resetPassword(account, newPassword);
			}
		}
		entity.locked = false;
		entity.securityStamp++;
	}

	/** Whether the user's password is written in the portal's database (in the finishing transaction). */
	public boolean writesInDatabase(long userPk) {
		return user(userPk).map(u -> writers.stream().anyMatch(w -> w.supports(u.passwordSource()) && w.local()))
				.orElse(true);
	}

	/** The directory's password version of the user ({@link PasswordWriter#passwordVersion}); outside any transaction. */
	@Transactional(propagation = Propagation.NEVER)
	public Optional<String> passwordVersion(long userPk) {
		Optional<UserAccount> account = read(() -> user(userPk));
		return account.flatMap(a -> writers.stream().filter(w -> w.supports(a.passwordSource())).findFirst()
				.flatMap(w -> w.passwordVersion(a)));
	}

	/** Whether this is the user's password now, checked where it lives (a bind on premises); outside any transaction. */
	@Transactional(propagation = Propagation.NEVER)
	public boolean passwordIs(long userPk, String password) {
		Optional<UserAccount> account = read(() -> user(userPk));
		return account.flatMap(a -> verifiers.stream().filter(v -> v.supports(a.passwordSource())).findFirst()
				.map(v -> v.matches(a, password))).orElse(false);
	}

	/**
	 * A read in a short transaction of its own, ended before the caller goes on to LDAP: in a
	 * {@code NEVER} method a bare repository call would keep its entity manager, and with it a
	 * connection, until the method returns.
	 */
	private <T> T read(java.util.function.Supplier<T> query) {
		return readOnly.execute(status -> query.get());
	}

	private void finishInTransaction(long userPk, String newPassword) throws PasswordWriteException {
		try {
			transactions.executeWithoutResult(status -> {
				try {
					finishWrite(userPk, newPassword);
				}
				catch (PasswordWriteException ex) {
					throw new RefusedInTransaction(ex);
				}
			});
		}
		catch (RefusedInTransaction ex) {
			throw ex.refusal;
		}
	}

	/** Carries a refusal out of a transaction callback, rolling it back. */
	private static final class RefusedInTransaction extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient PasswordWriteException refusal;

		RefusedInTransaction(PasswordWriteException refusal) {
			super(refusal.messageKey(), null, false, false);
			this.refusal = refusal;
		}
	}

	/** Sets the authentication email (R-14, R-20), which the user has proved they receive. */
	@Transactional
	public void setAuthenticationEmail(long userPk, String email) {
		users.findById(userPk).orElseThrow().authEmail = email;
	}

	/** Sets the authentication phone (R-14, R-20), which the user has proved they answer. */
	@Transactional
	public void setAuthenticationPhone(long userPk, String phone) {
		users.findById(userPk).orElseThrow().authPhone = phone;
	}

	/** Records that the user confirmed (or just updated) their security info (R-24). */
	@Transactional
	public void confirmSecurityInfo(long userPk, java.time.Instant at) {
		users.findById(userPk).orElseThrow().securityInfoConfirmedAt = at;
	}

	/** Checks a user's password where it lives (outside any transaction: it may be an LDAP bind). */
	@Transactional(propagation = Propagation.NEVER)
	public boolean passwordMatches(String userId, String password) {
		return signIn(userId, password).isPresent();
	}

	/**
	 * The user whose password this is, checked where the password lives ({@link PasswordVerifier}).
	 * An unknown user, or one whose password no verifier can check, costs one hash check too, so
	 * that the answer's timing does not say whether the account exists. Never inside a transaction:
	 * an on-premises password is checked by an LDAP bind, during which no database connection is held.
	 */
	@Transactional(propagation = Propagation.NEVER)
	public Optional<UserAccount> signIn(String userId, String password) {
		Optional<UserAccount> user = read(() -> users.findByUserId(normalizeUserId(userId)).map(UserEntity::toAccount));
		Optional<PasswordVerifier> verifier = user.flatMap(u -> verifiers.stream()
				.filter(v -> v.supports(u.passwordSource())).findFirst());
		if (user.isEmpty() || verifier.isEmpty()) {
			CloudPasswordWriter.ENCODER.matches(password, DUMMY_HASH);
			return Optional.empty();
		}
		return verifier.get().matches(user.get(), password) ? user : Optional.empty();
	}

	/** A hash of nothing anyone knows, checked when there is no real one. */
	private static final String DUMMY_HASH = CloudPasswordWriter.ENCODER.encode("no such user " + System.nanoTime());

	private PasswordWriter writerFor(PasswordSource source) throws PasswordWriteException {
		return writers.stream().filter(w -> w.supports(source)).findFirst()
				.orElseThrow(() -> new PasswordWriteException("reset.password.error.writeUnavailable", null));
	}
}
