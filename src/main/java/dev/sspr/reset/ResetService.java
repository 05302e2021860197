package dev.sspr.reset;

import dev.sspr.captcha.CaptchaVerifier;
import dev.sspr.delivery.Outbox;
import dev.sspr.directory.ConsumerDomains;
import dev.sspr.directory.Directory;
import dev.sspr.directory.Resolution;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Ceremonies.Assertion;
import dev.sspr.policy.AvailableMethod;
import dev.sspr.policy.Eligibility;
import dev.sspr.policy.EligibilityVerdict;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PasswordContext;
import dev.sspr.policy.PasswordPolicy;
import dev.sspr.policy.PasswordViolation;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.Subject;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.reset.ResetActivity.Kind;
import dev.sspr.reset.ResetFlow.Challenge;
import dev.sspr.reset.ResetFlow.MethodOption;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import dev.sspr.verification.Check;
import dev.sspr.verification.CodeRequest;
import dev.sspr.verification.FailureLedger;
import dev.sspr.verification.MethodInventory;
import dev.sspr.verification.MethodVerifier;
import dev.sspr.verification.MethodVerifier.Opening;
import dev.sspr.verification.MethodVerifier.Proof;
import dev.sspr.verification.MethodVerifier.ProofMessages;
import dev.sspr.verification.MethodVerifiers;
import dev.sspr.verification.SendOutcome;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a reset flow: identification, choosing and proving methods, the new password.
 * Each use case is one transaction; completing a flow is {@link ResetCompletion}'s (a pending claim,
 * the directory write with no transaction, a finishing transaction). Publishes a {@link ResetActivity} for each, which the audit log records.
 */
@Service
class ResetService {

	static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);
	/** Mistyped destinations per account within the failure window; the last one ends the flow. */
	static final int DESTINATION_MISSES_ALLOWED = 5;

	private final Directory directory;
	private final TenantPolicies policies;
	private final PasswordPolicy passwordPolicy;
	private final MethodVerifiers verifiers;
	private final FailureLedger failures;
	private final Throttle throttle;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MethodInventory inventory;
	private final FlowCompletions completions;
	private final ResetCompletion completion;
	private final CaptchaVerifier captcha;
	private final Outbox outbox;
	private final SecureRandom random = new SecureRandom();

	ResetService(Directory directory, TenantPolicies policies, PasswordPolicy passwordPolicy,
			MethodVerifiers verifiers, FailureLedger failures, Throttle throttle, ApplicationEventPublisher events,
			Clock clock, MethodInventory inventory, FlowCompletions completions, ResetCompletion completion,
			CaptchaVerifier captcha, Outbox outbox) {
		this.captcha = captcha;
		this.outbox = outbox;
		this.completions = completions;
		this.completion = completion;
		this.inventory = inventory;
		this.directory = directory;
		this.policies = policies;
		this.passwordPolicy = passwordPolicy;
		this.verifiers = verifiers;
		this.failures = failures;
		this.throttle = throttle;
		this.events = events;
		this.clock = clock;
	}

	/** What identification came to: a flow, or why there is none. */
	record Identification(ActionResult result, ResetFlow flow) {
	}

	/**
	 * The start of a reset: the captcha (S-12), the lookup limits, then the R-12 checks.
	 * Unknown IDs take the same path with a stand-in, so the work, the answer and its timing match a
	 * refused real account (S-01).
	 */
	@Transactional
	Identification identify(String typedUserId, String captchaSolution, String clientAddress) {
		if (!captcha.verify(captchaSolution)) {
			return new Identification(ActionResult.fieldError("altcha", "reset.identify.captcha.failed"), null);
		}
		if (!admitLookup(typedUserId, clientAddress)) {
			return new Identification(ActionResult.THROTTLED, null);
		}
		return new Identification(ActionResult.OK, newFlow(typedUserId, clientAddress));
	}

	/** Lookup limits (R-70, S-12), per client address and per user ID typed; false when one is reached. */
	private boolean admitLookup(String typedUserId, String clientAddress) {
		String subject = Directory.normalizeUserId(typedUserId);
		if (throttle.tryAcquire(Limit.LOOKUP_PER_ADDRESS, clientAddress)
				&& throttle.tryAcquire(Limit.LOOKUP_PER_USER, subject)) {
			return true;
		}
		events.publishEvent(new ResetActivity(Kind.THROTTLED, false, null, subject, "LOOKUP", List.of(), clientAddress,
				null));
		return false;
	}

	/**
	 * The directory says who the ID names ({@link Directory#resolve}): a personal account to send to its
	 * provider's recovery, a guest to send to their own organization, an account to judge under its
	 * tenant's rule, or nobody, judged as a stand-in (S-01).
	 */
	private ResetFlow newFlow(String typedUserId, String clientAddress) {
		String typed = Directory.normalizeUserId(typedUserId);
		Resolution who = directory.resolve(typed);
		if (who instanceof Resolution.Consumer consumer) {
			ConsumerDomains.Recovery recovery = consumer.recovery();
			return elsewhere(typed, null, new ResetFlow.Elsewhere(true, recovery.provider(), recovery.domain(),
					recovery.url(), null), "CONSUMER_ACCOUNT", clientAddress);
		}
		if (who instanceof Resolution.OutsideHome outside) {
			return elsewhere(outside.guest().userId(), outside.invitingTenant(), new ResetFlow.Elsewhere(false,
					outside.guest().guest().homeOrganization(), null, outside.page().url(), outside.page().text()),
					"OUTSIDE_HOME", clientAddress);
		}
		Optional<TenantInfo> tenant = who instanceof Resolution.Account account ? Optional.of(account.tenant())
				: ((Resolution.Unknown) who).tenant();
		Optional<UserAccount> user = who instanceof Resolution.Account account ? Optional.of(account.user())
				: Optional.empty();
		String subject = user.map(UserAccount::userId).orElse(typed);
		SsprPolicy tenantPolicy = tenant.map(t -> policies.policyOf(t.id())).orElseGet(SsprPolicy::decoy);
		SsprPolicy policy = user.map(u -> MethodInventory.policyFor(u, tenantPolicy)).orElse(tenantPolicy);
		long pk = user.map(UserAccount::id).orElse(-1L);
		List<AvailableMethod> available = inventory.of(pk, user.orElse(null), policy);
		boolean blocked = failures.isBlocked(pk);
		Subject facts = user.map(u -> MethodInventory.subjectOf(u, available)).orElseGet(Subject::unknown);
		boolean writeback = user.map(u -> directory.canWrite(u.passwordSource())).orElse(false);
		EligibilityVerdict verdict = Eligibility.evaluate(facts, policy, writeback);

		List<MethodOption> options = user.map(u -> verdict.usableMethods().stream()
				.map(m -> new MethodOption(m.kind(), m.factor(), verifiers.of(m.kind()).maskedDestination(u)))
				.toList()).orElse(List.of());
		ResetFlow flow = new ResetFlow(newFlowId(), clock.instant().plus(FLOW_LIFETIME), subject, tenant.orElse(null),
				user.map(UserAccount::id).orElse(null), user.map(UserAccount::securityStamp).orElse(0L), policy,
				verdict.refusal(), verdict.methodsRequired(), options, user.map(UserAccount::locked).orElse(false));
		if (flow.refused()) {
			publish(flow, Kind.REFUSED, false, verdict.refusal().name(), List.of(), clientAddress);
		}
		else {
			publish(flow, Kind.STARTED, true, null, List.of(), clientAddress);
			if (blocked) {
				flow.block();
				publish(flow, Kind.BLOCKED, false, "ACCOUNT_BLOCKED", List.of(), clientAddress);
			}
		}
		return flow;
	}

	/** A flow that only shows where this user's password is reset, audited as a refusal with its reason. */
	private ResetFlow elsewhere(String subject, TenantInfo tenant, ResetFlow.Elsewhere where, String reason,
			String clientAddress) {
		ResetFlow flow = new ResetFlow(newFlowId(), clock.instant().plus(FLOW_LIFETIME), subject, tenant, null, 0L,
				SsprPolicy.decoy(), null, 1, List.of(), false);
		flow.sendElsewhere(where);
		publish(flow, Kind.REFUSED, false, reason, List.of(), clientAddress);
		return flow;
	}

	/** Starts proving a method the flow offers (by its key, as posted); anything else is told. */
	@Transactional
	ActionResult chooseMethod(ResetFlow flow, String methodKey) {
		MethodKind kind = parseMethod(methodKey);
		if (kind == null || flow.option(kind).isEmpty()) {
			return ActionResult.fieldError("method", "reset.method.error.choose");
		}
		Opening opening = verifiers.of(kind).open(flow.id(), flow.userPk(), flow.policy());
		flow.startChallenge(new Challenge(kind, Step.of(opening.prompt()), opening.questions(),
				opening.approvalNumber(), opening.passkey()));
		return ActionResult.OK;
	}

	/** the user types the full destination; only a match sends a code. */
	@Transactional
	ActionResult confirmDestination(ResetFlow flow, String typed, Locale locale, String clientAddress) {
		Optional<UserAccount> user = currentUser(flow);
		if (user.isEmpty()) {
			return endedElsewhere(flow);
		}
		MethodKind method = flow.challenge().method();
		MethodVerifier verifier = verifiers.of(method);
		String actual = verifier.destination(user.get());
		if (actual == null || !verifier.sameDestination(typed, actual)) {
			publish(flow, Kind.DESTINATION_MISMATCH, false, null, List.of(method), clientAddress);
			if (failures.recordDestinationMismatch(flow.userPk(), DESTINATION_MISSES_ALLOWED)) {
				flow.block();
				publish(flow, Kind.BLOCKED, false, "TOO_MANY_DESTINATION_MISMATCHES", List.of(method), clientAddress);
				return ActionResult.OK;
			}
			return ActionResult.fieldError("destination", verifier.destinationMismatchKey());
		}
		send(flow, user.get(), method, locale, clientAddress);
		flow.advanceChallenge(Step.of(verifier.afterConfirmation()));
		return ActionResult.OK;
	}

	/** Sends a new code, which replaces the previous one (S-20), or a new app notification. */
	@Transactional
	ActionResult resend(ResetFlow flow, Locale locale, String clientAddress) {
		Optional<UserAccount> user = currentUser(flow);
		if (user.isEmpty()) {
			return endedElsewhere(flow);
		}
		Step step = flow.challenge().step();
		if (step == Step.ENTER_CODE || step == Step.AWAIT_CALL) {
			send(flow, user.get(), flow.challenge().method(), locale, clientAddress);
		}
		if (step == Step.AWAIT_APPROVAL) {
			// Opening the notification again is a new request, which replaces the previous one.
			flow.renewApproval(verifiers.of(flow.challenge().method()).open(flow.id(), flow.userPk(), flow.policy())
					.approvalNumber());
		}
		return ActionResult.OK;
	}

	/** has the user approved the notification on their signed-in device (or pressed # on the call)? */
	@Transactional
	ActionResult verifyNotification(ResetFlow flow, String clientAddress) {
		Optional<ActionResult> refused = beforeProof(flow, clientAddress);
		if (refused.isPresent()) {
			return refused.get();
		}
		Check check = verifiers.of(flow.challenge().method())
				.check(Proof.approval(flow.challenge().step().prompt(), flow.id(), flow.userPk()));
		return settle(flow, check, "approval", clientAddress);
	}

	/** The per-address try limit, then whether the flow's user is still the one it was made for. */
	private Optional<ActionResult> beforeProof(ResetFlow flow, String clientAddress) {
		if (!throttle.tryAcquire(Limit.TRY_PER_ADDRESS, clientAddress)) {
			publish(flow, Kind.THROTTLED, false, Limit.TRY_PER_ADDRESS.name(), List.of(flow.challenge().method()), clientAddress);
			return Optional.of(ActionResult.THROTTLED);
		}
		return currentUser(flow).isEmpty() ? Optional.of(endedElsewhere(flow)) : Optional.empty();
	}

	private void send(ResetFlow flow, UserAccount user, MethodKind method, Locale locale, String clientAddress) {
		TenantInfo tenant = flow.tenant().orElseThrow();
		MethodVerifier verifier = verifiers.of(method);
		CodeRequest request = new CodeRequest(flow.id(), user.id(), tenant.id(), tenant.displayName(), method,
				verifier.destination(user), locale, clientAddress);
		SendOutcome outcome = verifier.send(request);
		// S-11: the page reads the same whether or not the send was suppressed; the audit log knows.
		publish(flow, outcome.suppressed() ? Kind.CODE_SUPPRESSED : Kind.CODE_SENT, !outcome.suppressed(),
				outcome.suppressed() ? outcome.name() : null, List.of(method), clientAddress);
	}

	@Transactional
	ActionResult verifyCode(ResetFlow flow, String code, String clientAddress) {
		Optional<ActionResult> refused = beforeProof(flow, clientAddress);
		if (refused.isPresent()) {
			return refused.get();
		}
		Step step = flow.challenge().step();
		if (step != Step.ENTER_CODE && step != Step.ENTER_APP_CODE) {
			throw new IllegalStateException("no code expected");
		}
		Check check = verifiers.of(flow.challenge().method()).check(Proof.code(step.prompt(), flow.id(), flow.userPk(),
				code));
		return settle(flow, check, "code", clientAddress);
	}

	@Transactional
	ActionResult verifyAnswers(ResetFlow flow, List<String> answers, String clientAddress) {
		Optional<ActionResult> refused = beforeProof(flow, clientAddress);
		if (refused.isPresent()) {
			return refused.get();
		}
		Check check = verifiers.of(flow.challenge().method()).check(Proof.answers(flow.challenge().step().prompt(),
				flow.id(), flow.userPk(), flow.challenge().questions(), answers));
		return settle(flow, check, "answers", clientAddress);
	}

	/**
	 * A passkey's answer to the flow's challenge. The challenge is spent whatever the outcome, so
	 * anything but success leaves a fresh one for the next try.
	 */
	@Transactional
	ActionResult verifyPasskey(ResetFlow flow, Assertion assertion, String clientAddress) {
		Optional<ActionResult> refused = beforeProof(flow, clientAddress);
		if (refused.isPresent()) {
			return refused.get();
		}
		ResetFlow.Challenge challenge = flow.challenge();
		Check check = verifiers.of(challenge.method()).check(Proof.passkey(challenge.step().prompt(), flow.id(),
				flow.userPk(), challenge.passkey(), assertion));
		ActionResult result = settle(flow, check, "passkey", clientAddress);
		if (flow.challenge() != null) {
			flow.renewPasskey(verifiers.of(challenge.method()).open(flow.id(), flow.userPk(), flow.policy()).passkey());
		}
		return result;
	}

	private ActionResult settle(ResetFlow flow, Check check, String field, String clientAddress) {
		MethodKind method = flow.challenge().method();
		ProofMessages messages = verifiers.of(method).messages(flow.challenge().step().prompt());
		switch (check) {
			case PENDING -> {
				return ActionResult.fieldError(field, messages.pending());
			}
			case VALID -> {
				if (flow.markProven()) {
					publish(flow, Kind.METHOD_VERIFIED, true, null, List.of(method), clientAddress);
				}
				return ActionResult.OK;
			}
			case BLOCKED -> {
				flow.block();
				publish(flow, Kind.BLOCKED, false, "TOO_MANY_FAILURES", List.of(method), clientAddress);
				return ActionResult.OK;
			}
			case EXPIRED -> {
				publish(flow, Kind.VERIFICATION_FAILED, false, "CODE_EXPIRED", List.of(method), clientAddress);
				return ActionResult.fieldError(field, messages.expired());
			}
			case REPLACED -> {
				publish(flow, Kind.VERIFICATION_FAILED, false, "CODE_REPLACED", List.of(method), clientAddress);
				return ActionResult.fieldError(field, "reset.verify.code.replaced");
			}
			case REPLAYED -> {
				publish(flow, Kind.VERIFICATION_FAILED, false, "CODE_REPLAYED", List.of(method), clientAddress);
				return ActionResult.fieldError(field, messages.replayed());
			}
			default -> {
				publish(flow, Kind.VERIFICATION_FAILED, false, "WRONG_PROOF", List.of(method), clientAddress);
				return ActionResult.fieldError(field, messages.wrong());
			}
		}
	}

	void cancelChallenge(ResetFlow flow) {
		flow.cancelChallenge();
	}

	/** The code was queued, and the user was told so; whether delivery has since given up. */
	@Transactional(readOnly = true)
	boolean deliveryFailed(ResetFlow flow) {
		return outbox.gaveUp(flow.id());
	}

	/** the new password, checked against R-30, written, and the flow closed. */
	List<PasswordViolation> resetPassword(ResetFlow flow, String password, String confirmation, String clientAddress) {
		if (completedBefore(flow)) {
			return List.of();
		}
		Optional<UserAccount> current = currentUser(flow);
		if (current.isEmpty()) {
			endedElsewhere(flow);
			return List.of();
		}
		UserAccount user = current.get();
		if (!password.equals(confirmation)) {
			return List.of(new PasswordViolation("password.rule.mismatch", List.of()));
		}
		TenantInfo tenant = flow.tenant().orElseThrow();
		List<PasswordViolation> violations = passwordPolicy.check(password, new PasswordContext(user.userId(),
				user.displayName(), user.givenName(), user.surname(), tenant.displayName(),
				policies.bannedTerms(tenant.id())));
		if (!violations.isEmpty()) {
			return violations;
		}
		return completion.complete(flow, ResetFlow.Outcome.PASSWORD_RESET, password, clientAddress)
				.map(key -> List.of(new PasswordViolation(key, List.of()))).orElse(List.of());
	}

	/** unlock without changing the password, when the tenant allows it; a refused write is told. */
	ActionResult unlockOnly(ResetFlow flow, String clientAddress) {
		if (completedBefore(flow)) {
			return ActionResult.OK;
		}
		Optional<UserAccount> current = currentUser(flow);
		if (current.isEmpty()) {
			return endedElsewhere(flow);
		}
		if (!flow.mayUnlockOnly()) {
			return ActionResult.OK;
		}
		return completion.complete(flow, ResetFlow.Outcome.UNLOCKED, null, clientAddress)
				.map(key -> ActionResult.fieldError("unlock", key)).orElse(ActionResult.OK);
	}

	/** A reload of the password page: a reset left pending by a failure is finished when the directory says it happened. */
	void resume(ResetFlow flow) {
		completion.resume(flow);
	}

	/** A copy of the flow from before it completed (a second submit, another tab) learns so from the database. */
	private boolean completedBefore(ResetFlow flow) {
		completions.of(flow.id()).ifPresent(flow::complete);
		return flow.completed();
	}

	/** The flow's user as the directory has them now; empty after a reset elsewhere (S-50) or when disabled. */
	private Optional<UserAccount> currentUser(ResetFlow flow) {
		return directory.user(flow.userPk()).filter(u -> u.securityStamp() == flow.securityStamp() && u.enabled());
	}

	/** A reset elsewhere since this flow began ends it (S-50): the user starts over. */
	private static ActionResult endedElsewhere(ResetFlow flow) {
		flow.expire();
		return ActionResult.OK;
	}

	private static MethodKind parseMethod(String key) {
		try {
			return MethodKind.fromKey(key);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String newFlowId() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private void publish(ResetFlow flow, Kind kind, boolean success, String reason, List<MethodKind> methods,
			String clientAddress) {
		events.publishEvent(new ResetActivity(kind, success, flow.tenantId(), flow.subject(), reason, methods,
				clientAddress, flow.id()));
	}
}
