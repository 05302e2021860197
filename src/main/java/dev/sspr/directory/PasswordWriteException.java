package dev.sspr.directory;

/**
 * A password write the directory refused or did not answer; {@link #messageKey()} is what the user is told.
 * {@link #uncertain()} says the directory may have taken the write all the same (its answer was lost,
 * or the password was set and the unlock after it failed): such a reset stays pending until a retry
 * or the recovery job learns what happened.
 */
public class PasswordWriteException extends Exception {

	private final String messageKey;
	private final boolean uncertain;

	public PasswordWriteException(String messageKey, Throwable cause) {
		this(messageKey, cause, false);
	}

	public PasswordWriteException(String messageKey, Throwable cause, boolean uncertain) {
		super(messageKey, cause);
		this.messageKey = messageKey;
		this.uncertain = uncertain;
	}

	public String messageKey() {
		return messageKey;
	}

	/** False: nothing was changed (a refusal, or no connection at all); true: the write may have happened. */
	public boolean uncertain() {
		return uncertain;
	}
}
