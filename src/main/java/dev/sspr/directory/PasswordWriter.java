package dev.sspr.directory;

import java.util.Optional;

/**
 * Writes a new password where the user's password lives. The portal's own directory has one
 * writer; on-premises writeback (LDAP) adds another. A writer either succeeds completely or throws
 * {@link PasswordWriteException}; a refusal leaves the old password in place.
 * <p>
 * A {@link #local()} writer writes into the portal's database and runs inside the transaction that
 * finishes the reset; any other writer talks to a remote directory and is called with no
 * transaction and no database connection held.
 */
public interface PasswordWriter {

	boolean supports(PasswordSource source);

	/** True when the password lives in the portal's own database (the write joins the caller's transaction). */
	default boolean local() {
		return false;
	}

	void writePassword(UserAccount user, String newPassword) throws PasswordWriteException;

	void unlock(UserAccount user) throws PasswordWriteException;

	/**
	 * Sets the password and unlocks the account. Never leaves an account unlocked with its old
	 * password: writers whose directory can do both in one operation override this.
	 */
	default void resetPassword(UserAccount user, String newPassword) throws PasswordWriteException {
		writePassword(user, newPassword);
		unlock(user);
	}

	/**
	 * A value that changes whenever the user's password is set (OpenLDAP's {@code pwdChangedTime},
	 * Active Directory's {@code pwdLastSet}), read before a remote write so that a later look tells
	 * whether the write happened; empty when the directory cannot say or cannot be reached.
	 */
	default Optional<String> passwordVersion(UserAccount user) {
		return Optional.empty();
	}
}
