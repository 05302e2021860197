package dev.sspr.policy;

/** Why a user may not reset, in the order of R-12. Only the audit log sees the first group apart. */
public enum RefusalReason {

	ACCOUNT_NOT_FOUND(1),
	ACCOUNT_DISABLED(1),
	NOT_ENABLED(2),
	NOT_LICENSED(3),
	NOT_ENOUGH_METHODS(4),
	WRITEBACK_UNAVAILABLE(5);

	private final int step;

	RefusalReason(int step) {
		this.step = step;
	}

	/** The R-12 step that failed (1 to 5). */
	public int step() {
		return step;
	}

	/** Reasons 2 to 5 may be shown to the user when the tenant opts in; reason 1 never (S-01). */
	public boolean mayBeShown() {
		return step > 1;
	}
}
