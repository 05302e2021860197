package dev.sspr.directory;

/**
 * Writes a new password where the user's password lives. The portal's own directory has one
 * writer; on-premises writeback (LDAP) adds another. A writer either succeeds completely or throws
 * {@link PasswordWriteException} and leaves the old password in place.
 */
public interface PasswordWriter {

	boolean supports(PasswordSource source);

	void writePassword(UserAccount user, String newPassword) throws PasswordWriteException;

	void unlock(UserAccount user) throws PasswordWriteException;

	/**
	 * Sets the password and unlocks the account, both or neither. Writers whose directory can
	 * do both in one operation override this.
	 */
	default void resetPassword(UserAccount user, String newPassword) throws PasswordWriteException {
		writePassword(user, newPassword);
		unlock(user);
	}
}
