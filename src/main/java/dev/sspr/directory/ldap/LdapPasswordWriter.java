package dev.sspr.directory.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import dev.sspr.directory.PasswordSource;
import dev.sspr.directory.PasswordVerifier;
import dev.sspr.directory.PasswordWriteException;
import dev.sspr.directory.PasswordWriter;
import dev.sspr.directory.UserAccount;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Password writeback, unlock and sign-in by bind for users whose password lives in
 * the on-premises directory. A refusal becomes a message naming the directory's reason where it
 * gives one; the directory's own words, which may echo the password's properties, are not logged.
 */
@Component
final class LdapPasswordWriter implements PasswordWriter, PasswordVerifier {

	private static final Logger log = LoggerFactory.getLogger(LdapPasswordWriter.class);

	private final LdapDirectory directory;

	LdapPasswordWriter(LdapDirectory directory) {
		this.directory = directory;
	}

	@Override
	public boolean supports(PasswordSource source) {
		return directory.configured() && source.onPremises();
	}

	@Override
	public void writePassword(UserAccount user, String newPassword) throws PasswordWriteException {
		write(user, newPassword, false);
	}

	@Override
	public void resetPassword(UserAccount user, String newPassword) throws PasswordWriteException {
		write(user, newPassword, true);
	}

	@Override
	public void unlock(UserAccount user) throws PasswordWriteException {
		try (LDAPConnection connection = directory.serviceConnection()) {
			directory.dialect().unlock(connection, entry(connection, user));
		}
		catch (LDAPException ex) {
			throw refusal(ex);
		}
	}

	@Override
	public Optional<String> passwordVersion(UserAccount user) {
		try (LDAPConnection connection = directory.serviceConnection()) {
			return Optional.ofNullable(directory.dialect().passwordVersion(entry(connection, user)));
		}
		catch (LDAPException ex) {
			log.warn("The password version could not be read: result {}", ex.getResultCode().intValue());
			return Optional.empty();
		}
	}

	@Override
	public boolean matches(UserAccount user, String password) {
		try (LDAPConnection connection = directory.serviceConnection()) {
			return directory.findUser(connection, user.userId()).map(e -> directory.bindAs(e.getDN(), password))
					.orElse(false);
		}
		catch (LDAPException ex) {
			log.warn("Sign-in by bind could not reach the directory: {}", ex.getResultCode());
			return false;
		}
	}

	/**
	 * Until the write is sent, a failure changes nothing; once it is sent, an answer that never came
	 * (a client-side result: timeout, connection lost) or a failed unlock after the password leaves
	 * the write uncertain, for the pending reset to settle.
	 */
	private void write(UserAccount user, String password, boolean unlock) throws PasswordWriteException {
		try (LDAPConnection connection = directory.serviceConnection()) {
			Entry entry = entry(connection, user);
			try {
				directory.dialect().resetPassword(connection, entry, password, unlock);
			}
			catch (LDAPException ex) {
				boolean uncertain = ex instanceof Dialect.StillLocked || ex.getResultCode().isClientSideResultCode();
				PasswordWriteException refusal = refusal(ex);
				throw uncertain ? new PasswordWriteException(refusal.messageKey(), null, true) : refusal;
			}
		}
		catch (LDAPException ex) {
			throw refusal(ex);
		}
	}

	private Entry entry(LDAPConnection connection, UserAccount user) throws LDAPException {
		return directory.findUser(connection, user.userId())
				.orElseThrow(() -> new LDAPException(ResultCode.NO_SUCH_OBJECT, "no single entry for the user"));
	}

	/** The user's message for a directory's answer; the result code (never the diagnostic) is logged. */
	static PasswordWriteException refusal(LDAPException ex) {
		ResultCode code = ex.getResultCode();
		String diagnostic = ex.getDiagnosticMessage() == null ? "" : ex.getDiagnosticMessage().toLowerCase(Locale.ROOT);
		String key;
		if (code == ResultCode.CONSTRAINT_VIOLATION || code == ResultCode.UNWILLING_TO_PERFORM
				|| code == ResultCode.INVALID_ATTRIBUTE_SYNTAX) {
			// OpenLDAP: "Password is in history of old passwords", "... not being changed from existing value".
			if (diagnostic.contains("history") || diagnostic.contains("not being changed")) {
				key = "reset.password.error.directory.history";
			}
			else if (diagnostic.contains("too young") || diagnostic.contains("minimum age") || diagnostic.contains("too soon")) {
				key = "reset.password.error.directory.tooSoon";
			}
			else if (diagnostic.contains("quality") || diagnostic.contains("short") || diagnostic.contains("length")
					|| diagnostic.contains("complex") || diagnostic.contains("0000052d")) {
				key = "reset.password.error.directory.complexity";
			}
			else {
				key = "reset.password.error.directory.refused";
			}
		}
		else if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS || code == ResultCode.INVALID_CREDENTIALS
				|| code == ResultCode.NO_SUCH_OBJECT || code == ResultCode.CONFIDENTIALITY_REQUIRED
				|| code == ResultCode.STRONG_AUTH_REQUIRED) {
			key = "reset.password.error.directory.configuration";
		}
		else {
			key = "reset.password.error.directory.unavailable";
		}
		log.warn("The directory refused a password write: result {} ({})", code.intValue(), key);
		return new PasswordWriteException(key, null);
	}
}
