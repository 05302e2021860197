package dev.sspr.reset;

/** What a step's action came to: done, a message beside a field, or a limit reached. */
record ActionResult(Status status, String field, String messageKey, Object[] arguments) {

	enum Status { OK, FIELD_ERROR, THROTTLED }

	static final ActionResult OK = new ActionResult(Status.OK, null, null, new Object[0]);
	static final ActionResult THROTTLED = new ActionResult(Status.THROTTLED, null, null, new Object[0]);

	static ActionResult fieldError(String field, String messageKey, Object... arguments) {
		return new ActionResult(Status.FIELD_ERROR, field, messageKey, arguments);
	}
}
