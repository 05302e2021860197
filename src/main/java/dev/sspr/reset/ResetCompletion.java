package dev.sspr.reset;

import dev.sspr.directory.Directory;
import dev.sspr.directory.PasswordWriteException;
import dev.sspr.reset.FlowCompletions.Completion;
import dev.sspr.reset.FlowCompletions.Status;
import dev.sspr.reset.ResetActivity.Kind;
import dev.sspr.reset.ResetFlow.Outcome;
import dev.sspr.verification.OneTimeCodes;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a proven flow once (S-50), so that a reset is either done or recognizably pending.
 * <p>
 * A password the portal keeps (cloud) is written in one transaction with the claim, the stamp, the
 * codes and the event: all or nothing. A password in an on-premises directory takes three steps,
 * and no database connection is held while the directory answers:
 * <ol>
 * <li>the directory's password version is read (LDAP), then a short transaction claims the flow with a
 * {@code PENDING} row ({@link FlowCompletions}) that holds a lease;</li>
 * <li>the directory write, with no transaction;</li>
 * <li>a finishing transaction marks the row {@code DONE} (once: a conditional update), unlocks in the
 * portal, moves the stamp, closes the codes and publishes the event (audit and notice).</li>
 * </ol>
 * A refused write releases the row (nothing changed; the user may try again). A write whose outcome is
 * unknown (lost answer, password set but unlock failed) or a database failure after the write leaves the
 * row pending: a retry of the same flow, or the recovery job, takes it when unheld and settles it with the
 * directory's word, never the password: a changed password version (or a bind with the password the user
 * typed again) means the write happened and the reset is finished; an unchanged version means it did not
 * and the row is released (the job) or the typed password is written now (a retry).
 */
@Component
class ResetCompletion {

	private static final Logger log = LoggerFactory.getLogger(ResetCompletion.class);

	/** The write may have happened and is being finished: the same password again completes it. */
	static final String PENDING = "reset.password.error.pending";
	/** Nothing was changed because the portal's database failed. */
	static final String NOT_CHANGED = "reset.password.error.writeUnavailable";
	static final String DIRECTORY_UNAVAILABLE = "reset.password.error.directory.unavailable";

	/** How long a second request of a flow waits for the first to finish it (in polls of {@link #POLL_MILLIS}). */
	private static final int POLLS = 200;
	private static final long POLL_MILLIS = 50;

	/** What settling a pending completion came to. */
	enum Settled { DONE, RELEASED, PENDING }

	private final Directory directory;
	private final FlowCompletions completions;
	private final OneTimeCodes codes;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ResetCompletion(Directory directory, FlowCompletions completions, OneTimeCodes codes,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.directory = directory;
		this.completions = completions;
		this.codes = codes;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Completes the flow with a new password (or, with {@code password} null, an unlock).
	 *
	 * @return the message key of why it did not complete now, if it did not
	 */
	Optional<String> complete(ResetFlow flow, Outcome outcome, String password, String clientAddress) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean local;
		try {
			local = directory.writesInDatabase(flow.userPk());
		}
		catch (DataAccessException | TransactionException ex) {
			return databaseFailed(ex, NOT_CHANGED);
		}
		try {
			return local ? completeAtOnce(flow, outcome, password, clientAddress, locale)
					: completeRemote(flow, outcome, password, clientAddress, locale);
		}
		catch (DataAccessException | TransactionException ex) {
			// A cloud write rolled back with it; an on-premises one may be pending: the same password again finishes it.
			return databaseFailed(ex, local ? NOT_CHANGED : PENDING);
		}
	}

	private static Optional<String> databaseFailed(RuntimeException ex, String messageKey) {
		log.warn("A reset could not be completed: the database failed ({})", ex.getClass().getSimpleName());
		return Optional.of(messageKey);
	}

	/** A cloud password: the claim, the hash, the stamp, the codes and the event commit together. */
	private Optional<String> completeAtOnce(ResetFlow flow, Outcome outcome, String password, String clientAddress,
			Locale locale) {
		Optional<String> refusal;
		try {
			refusal = transactions.execute(status -> {
				completions.claim(flow, outcome, clientAddress, locale);
				try {
					directory.finishWrite(flow.userPk(), password);
				}
				catch (PasswordWriteException ex) {
					status.setRollbackOnly();
					return Optional.of(ex.messageKey());
				}
				codes.closeAll(flow.userPk());
				publish(pendingOf(flow, outcome, null, clientAddress, locale), kindOf(outcome), true, null);
				return Optional.<String>empty();
			});
		}
		catch (DuplicateKeyException ex) {
			// This flow completed in another request; or another flow of the user did, which ends this one (S-50).
			completions.of(flow.id()).ifPresentOrElse(flow::complete, flow::expire);
			return Optional.empty();
		}
		if (refusal.isPresent()) {
			publish(pendingOf(flow, outcome, null, clientAddress, locale), Kind.WRITE_FAILED, false, refusal.get());
			return refusal;
		}
		flow.complete(outcome);
		return Optional.empty();
	}

	private Optional<String> completeRemote(ResetFlow flow, Outcome outcome, String password, String clientAddress,
			Locale locale) {
		String version = "";
		if (outcome == Outcome.PASSWORD_RESET) {
			Optional<String> read = directory.passwordVersion(flow.userPk());
			if (read.isEmpty()) {
				// Without the version a failure later could not be settled: write nothing, change nothing.
				publish(pendingOf(flow, outcome, null, clientAddress, locale), Kind.WRITE_FAILED, false,
						DIRECTORY_UNAVAILABLE);
				return Optional.of(DIRECTORY_UNAVAILABLE);
			}
			version = read.get();
		}
		Completion mine = pendingOf(flow, outcome, version, clientAddress, locale);
		try {
			transactions.executeWithoutResult(status -> completions.claimPending(flow, outcome, mine.passwordVersion(),
					clientAddress, locale));
		}
		catch (DuplicateKeyException ex) {
			return retry(flow, outcome, password, clientAddress, locale);
		}
		Optional<String> result = writeAndFinish(mine, password);
		if (result.isEmpty()) {
			flow.complete(outcome);
		}
		return result;
	}

	/** The flow has a row already: done, being finished by another request, or pending for a retry to take. */
	private Optional<String> retry(ResetFlow flow, Outcome outcome, String password, String clientAddress,
			Locale locale) {
		Optional<Completion> found = awaitUnheld(flow.id());
		if (found.isEmpty()) {
			// Another flow of the user claimed this stamp (its session lost, say). Left pending and unheld, it is
			// settled now: a write that never happened frees the stamp for this flow; otherwise this one ends (S-50).
			Optional<Completion> other = completions.pendingOf(flow.userPk(), flow.securityStamp());
			if (other.isPresent() && completions.take(other.get().flowId()) && settle(other.get()) == Settled.RELEASED) {
				return completeRemote(flow, outcome, password, clientAddress, locale);
			}
			flow.expire();
			return Optional.empty();
		}
		Completion row = found.get();
		if (row.status() == Status.DONE) {
			flow.complete(row.outcome());
			return Optional.empty();
		}
		if (!completions.take(row.flowId())) {
			return Optional.of(PENDING);
		}
		if (password != null && row.outcome() == Outcome.PASSWORD_RESET) {
			Optional<String> result = retryWithPassword(row, password);
			if (result.isEmpty()) {
				flow.complete(row.outcome());
			}
			return result;
		}
		return switch (settle(row)) {
			case DONE -> {
				flow.complete(row.outcome());
				yield Optional.empty();
			}
			case PENDING -> Optional.of(PENDING);
			// The earlier write did not happen: this request's completion starts afresh.
			case RELEASED -> completeRemote(flow, outcome, password, clientAddress, locale);
		};
	}

	/**
	 * The user typed a new password again for a pending reset (held by this request). If the directory's
	 * password version moved, the earlier write happened: the unlock is repeated (it may be what
	 * failed), and when the typed password is now the user's, the reset is only finished: the directory
	 * is not asked to set a password it already has ("used before"). Otherwise the typed password is written.
	 */
	private Optional<String> retryWithPassword(Completion row, String password) {
		Optional<String> now = directory.passwordVersion(row.userPk());
		if (now.isEmpty()) {
			completions.letGo(row.flowId());
			return Optional.of(DIRECTORY_UNAVAILABLE);
		}
		if (!now.get().equals(row.passwordVersion())) {
			try {
				directory.writeRemotely(row.userPk(), null);
			}
			catch (PasswordWriteException ex) {
				completions.letGo(row.flowId());
				return Optional.of(PENDING);
			}
			if (directory.passwordIs(row.userPk(), password)) {
				return finishOrPending(row);
			}
		}
		return writeAndFinish(row, password);
	}

	/**
	 * Settles a pending completion this caller holds, by the directory's word alone (the recovery job, a
	 * reload of the page): an unlock is repeated (it is idempotent) and finished; a password reset is
	 * finished when the password version moved, released when it did not, and left pending when the
	 * directory cannot be asked.
	 */
	Settled settle(Completion row) {
		if (row.outcome() == Outcome.PASSWORD_RESET) {
			Optional<String> now = directory.passwordVersion(row.userPk());
			if (now.isEmpty()) {
				completions.letGo(row.flowId());
				return Settled.PENDING;
			}
			if (now.get().equals(row.passwordVersion())) {
				completions.release(row.flowId());
				return Settled.RELEASED;
			}
		}
		try {
			// After a password write: the unlock may be what failed. For an unlock: the whole write, again.
			directory.writeRemotely(row.userPk(), null);
		}
		catch (PasswordWriteException ex) {
			if (!ex.uncertain() && row.outcome() == Outcome.UNLOCKED) {
				completions.release(row.flowId());
				return Settled.RELEASED;
			}
			completions.letGo(row.flowId());
			return Settled.PENDING;
		}
		return finishOrPending(row).isEmpty() ? Settled.DONE : Settled.PENDING;
	}

	/** Step 2 and 3 for a completion this caller holds; {@code password} null: unlock only. */
	private Optional<String> writeAndFinish(Completion row, String password) {
		try {
			directory.writeRemotely(row.userPk(), row.outcome() == Outcome.UNLOCKED ? null : password);
		}
		catch (PasswordWriteException ex) {
			if (ex.uncertain()) {
				completions.letGo(row.flowId());
				return Optional.of(PENDING);
			}
			completions.release(row.flowId());
			publish(row, Kind.WRITE_FAILED, false, ex.messageKey());
			return Optional.of(ex.messageKey());
		}
		return finishOrPending(row);
	}

	/** Step 3; a database failure here leaves the row pending, for a retry or the job. */
	private Optional<String> finishOrPending(Completion row) {
		try {
			finish(row);
			return Optional.empty();
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("A reset was written to the directory but could not be finished ({}); it stays pending",
					ex.getClass().getSimpleName());
			return Optional.of(PENDING);
		}
	}

	/** The finishing transaction: done once, stamp, codes, event. A second finisher finds it done and does nothing. */
	private void finish(Completion row) {
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(row.locale());
		try {
			transactions.executeWithoutResult(status -> {
				if (!completions.markDone(row.flowId())) {
					return;
				}
				try {
					directory.finishWrite(row.userPk(), null);
				}
				catch (PasswordWriteException ex) {
					throw new IllegalStateException("no writer for a user whose write succeeded", ex);
				}
				codes.closeAll(row.userPk());
				publish(row, kindOf(row.outcome()), true, null);
			});
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}

	/** Finishes or releases pending completions that nobody holds (the recovery job); how many were settled. */
	int recoverPending(int limit) {
		int settled = 0;
		for (Completion row : completions.unheldPending(limit)) {
			if (completions.take(row.flowId()) && settle(row) != Settled.PENDING) {
				settled++;
			}
		}
		return settled;
	}

	/** A reload of the flow's page: a done completion completes the copy; an unheld pending one is settled. */
	void resume(ResetFlow flow) {
		try {
			Optional<Completion> found = completions.find(flow.id());
			if (found.isEmpty()) {
				return;
			}
			Completion row = found.get();
			if (row.status() == Status.DONE || (completions.take(row.flowId()) && settle(row) == Settled.DONE)) {
				flow.complete(row.outcome());
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// The page shows what it has (the message of the failed submit); the next look tries again.
			log.warn("A pending reset could not be looked at: the database failed ({})", ex.getClass().getSimpleName());
		}
	}

	/** The flow's row once nobody holds it (a concurrent request finishing it), or as it is after a bounded wait. */
	private Optional<Completion> awaitUnheld(String flowId) {
		Optional<Completion> found = completions.find(flowId);
		for (int i = 0; i < POLLS && found.filter(c -> c.status() == Status.PENDING && c.heldAt(clock.instant()))
				.isPresent(); i++) {
			try {
				// No connection is held while waiting: each look is its own short statement.
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			found = completions.find(flowId);
		}
		return found;
	}

	private static Completion pendingOf(ResetFlow flow, Outcome outcome, String version, String clientAddress,
			Locale locale) {
		return new Completion(flow.id(), flow.userPk(), outcome, Status.PENDING, null, version, flow.tenantId(),
				flow.subject(), flow.proven(), clientAddress, locale);
	}

	private static Kind kindOf(Outcome outcome) {
		return outcome == Outcome.UNLOCKED ? Kind.ACCOUNT_UNLOCKED : Kind.PASSWORD_RESET;
	}

	private void publish(Completion row, Kind kind, boolean success, String reason) {
		events.publishEvent(new ResetActivity(kind, success, row.tenantId(), row.subject(), reason, row.methods(),
				row.clientAddress(), row.flowId()));
	}
}
