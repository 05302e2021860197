package dev.sspr.reset;

import dev.sspr.directory.TenantInfo;
import dev.sspr.passkey.Ceremonies.AssertionRequest;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.RefusalReason;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.verification.AskedQuestion;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reset attempt, kept in the HTTP session. Made at identification with a snapshot of the policy;
 * an unknown user gets a refused flow that looks like any other refusal. Holds no secret and no
 * full destination: those are read from the directory when needed.
 */
final class ResetFlow implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** How the flow ended. */
	enum Outcome { PASSWORD_RESET, UNLOCKED }

	/** A method the user may pick, with its destination masked. */
	record MethodOption(MethodKind kind, String factor, String maskedDestination) implements Serializable {
	}

	/**
	 * The method being proven now.
	 *
	 * @param approvalNumber the number to match on the user's signed-in device (app notification only)
	 * @param passkey the challenge a passkey answers, and the user's own passkeys (passkey only)
	 */
	record Challenge(MethodKind method, Step step, List<AskedQuestion> questions, int approvalNumber,
			AssertionRequest passkey) implements Serializable {

		Challenge {
			questions = List.copyOf(questions);
			if (!Step.VERIFYING.contains(step)) {
				throw new IllegalArgumentException(step + " is not a point of the verify page");
			}
		}

		Challenge(MethodKind method, Step step, List<AskedQuestion> questions) {
			this(method, step, questions, 0, null);
		}

		Challenge at(Step next) {
			return new Challenge(method, next, questions, approvalNumber, passkey);
		}

		Challenge withApprovalNumber(int number) {
			return new Challenge(method, step, questions, number, passkey);
		}

		Challenge withPasskey(AssertionRequest request) {
			return new Challenge(method, step, questions, approvalNumber, request);
		}
	}

	/**
	 * Where a user whose password this portal does not reset is sent: a consumer provider's own
	 * recovery, or a guest's own organization (with the inviting tenant's text and link, each optional).
	 */
	record Elsewhere(boolean consumer, String name, String domain, String url, String text) implements Serializable {
	}

	private final String id;
	private final Instant expiresAt;
	private final String subject;
	private final TenantInfo tenant;
	private final Long userPk;
	private final long securityStamp;
	private final SsprPolicy policy;
	private final RefusalReason refusal;
	private final int required;
	private final List<MethodOption> options;
	private final boolean locked;
	private final List<MethodKind> proven = new ArrayList<>();
	private final List<String> provenFactors = new ArrayList<>();
	private Challenge challenge;
	private boolean blocked;
	private boolean expired;
	private Outcome outcome;
	private Elsewhere elsewhere;

	ResetFlow(String id, Instant expiresAt, String subject, TenantInfo tenant, Long userPk, long securityStamp,
			SsprPolicy policy, RefusalReason refusal, int required, List<MethodOption> options, boolean locked) {
		this.id = id;
		this.expiresAt = expiresAt;
		this.subject = subject;
		this.tenant = tenant;
		this.userPk = userPk;
		this.securityStamp = securityStamp;
		this.policy = policy;
		this.refusal = refusal;
		this.required = required;
		this.options = List.copyOf(options);
		this.locked = locked;
	}

	String id() {
		return id;
	}

	String subject() {
		return subject;
	}

	Optional<TenantInfo> tenant() {
		return Optional.ofNullable(tenant);
	}

	Long tenantId() {
		return tenant == null ? null : tenant.id();
	}

	long userPk() {
		if (userPk == null) {
			throw new IllegalStateException("flow has no user");
		}
		return userPk;
	}

	long securityStamp() {
		return securityStamp;
	}

	SsprPolicy policy() {
		return policy;
	}

	Optional<RefusalReason> refusal() {
		return Optional.ofNullable(refusal);
	}

	boolean refused() {
		return refusal != null;
	}

	int required() {
		return required;
	}

	boolean locked() {
		return locked;
	}

	boolean expired(Instant now) {
		return expired || !now.isBefore(expiresAt);
	}

	void expire() {
		expired = true;
	}

	/** The options whose factor is not yet proven (S-32: one factor counts once). */
	List<MethodOption> remainingOptions() {
		return options.stream().filter(o -> !provenFactors.contains(o.factor())).toList();
	}

	Optional<MethodOption> option(MethodKind kind) {
		return remainingOptions().stream().filter(o -> o.kind() == kind).findFirst();
	}

	List<MethodKind> proven() {
		return List.copyOf(proven);
	}

	boolean allProven() {
		return provenFactors.size() >= required;
	}

	Challenge challenge() {
		return challenge;
	}

	void startChallenge(Challenge next) {
		this.challenge = next;
	}

	void advanceChallenge(Step step) {
		this.challenge = challenge.at(step);
	}

	void renewApproval(int number) {
		this.challenge = challenge.withApprovalNumber(number);
	}

	void renewPasskey(AssertionRequest request) {
		this.challenge = challenge.withPasskey(request);
	}

	void cancelChallenge() {
		this.challenge = null;
	}

	/**
	 * Counts the current challenge's method as proven. False, changing nothing, when there is no
	 * challenge any more: a second request of a double submit, which must not count a factor twice.
	 */
	synchronized boolean markProven() {
		Optional<MethodOption> option = challenge == null ? Optional.empty() : option(challenge.method());
		if (option.isEmpty()) {
			return false;
		}
		proven.add(option.get().kind());
		provenFactors.add(option.get().factor());
		challenge = null;
		return true;
	}

	boolean blocked() {
		return blocked;
	}

	void block() {
		blocked = true;
		challenge = null;
	}

	boolean completed() {
		return outcome != null;
	}

	Outcome outcome() {
		return outcome;
	}

	void complete(Outcome how) {
		this.outcome = how;
		this.challenge = null;
	}

	Optional<Elsewhere> elsewhere() {
		return Optional.ofNullable(elsewhere);
	}

	/** Ends the flow on the page that sends the user to where their password is reset. */
	void sendElsewhere(Elsewhere where) {
		this.elsewhere = where;
		this.challenge = null;
	}

	/** Unlock without reset is offered to a locked user when the tenant allows it. */
	boolean mayUnlockOnly() {
		return locked && policy.unlockWithoutReset();
	}
}
