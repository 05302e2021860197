package dev.sspr.directory;

/** A password write the directory refused; {@link #messageKey()} is what the user is told. */
public class PasswordWriteException extends Exception {

	private final String messageKey;

	public PasswordWriteException(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
