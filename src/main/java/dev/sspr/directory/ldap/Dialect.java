package dev.sspr.directory.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a directory product stores passwords and locks. Active Directory takes a new
 * password as a quoted UTF-16LE {@code unicodePwd} (only over TLS) and is unlocked by setting
 * {@code lockoutTime} to 0; OpenLDAP takes the RFC 3062 password modify operation and is unlocked
 * by removing the ppolicy overlay's {@code pwdAccountLockedTime} (user-modifiable in 2.5, so plain
 * write access is enough), after the password. Active Directory takes the password and the unlock
 * in one modify request, which the server applies atomically. ppolicy holds the service account to the quality and history rules,
 * but not the rootdn: never configure the rootdn as the service account.
 */
public enum Dialect {

	OPENLDAP {
		/**
		 * The password first (RFC 3062), then the lock: a crash or a failure between the two leaves the
		 * account locked with its new password, which the pending reset finishes by unlocking again;
		 * never unlocked with its old password. (The password modify operation takes no other change,
		 * so the two cannot be one operation without storing a clear-text userPassword.)
		 */
		@Override
		void resetPassword(LDAPConnection connection, Entry user, String password, boolean unlock) throws LDAPException {
			PasswordModifyExtendedResult result = (PasswordModifyExtendedResult) connection
					.processExtendedOperation(new PasswordModifyExtendedRequest(user.getDN(), null, password));
			if (result.getResultCode() != ResultCode.SUCCESS) {
				throw new LDAPException(result);
			}
			if (unlock) {
				try {
					unlock(connection, user);
				}
				catch (LDAPException ex) {
					throw new StillLocked(ex);
				}
			}
		}

		@Override
		void unlock(LDAPConnection connection, Entry user) throws LDAPException {
			if (user.hasAttribute(LOCKED_TIME)) {
				try {
					connection.modify(user.getDN(), new Modification(ModificationType.DELETE, LOCKED_TIME));
				}
				catch (LDAPException ex) {
					// Already gone (ppolicy may clear it with the password, or a retry came first): unlocked is unlocked.
					if (ex.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE) {
						throw ex;
					}
				}
			}
		}

		@Override
		String[] versionAttributes() {
			// ppolicy keeps pwdChangedTime; without the overlay the entry's modifyTimestamp moves with the password.
			return new String[] { "pwdChangedTime", "modifyTimestamp" };
		}

		@Override
		boolean locked(Entry user) {
			return user.hasAttribute(LOCKED_TIME);
		}

		@Override
		boolean enabled(Entry user) {
			// ppolicy's "locked for ever" value stands for a disabled account.
			return !PERMANENT_LOCK.equals(user.getAttributeValue(LOCKED_TIME));
		}

		@Override
		String externalIdAttribute() {
			return "entryUUID";
		}

		@Override
		String externalId(Entry user) {
			return user.getAttributeValue("entryUUID");
		}

		@Override
		String[] stateAttributes() {
			return new String[] { LOCKED_TIME, "entryUUID" };
		}

		@Override
		Capability capability(RootDSE rootDse) {
			if (rootDse == null) {
				return Capability.UNKNOWN;
			}
			return rootDse.supportsExtendedOperation(PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID)
					? Capability.SUPPORTED : Capability.OUTDATED;
		}
	},

	ACTIVE_DIRECTORY {
		@Override
		void resetPassword(LDAPConnection connection, Entry user, String password, boolean unlock) throws LDAPException {
			// One modify request is atomic: the password and the unlock happen together or not at all.
			ModifyRequest request = unlock
					? new ModifyRequest(user.getDN(), new Modification(ModificationType.REPLACE, UNICODE_PWD, quoted(password)),
							new Modification(ModificationType.REPLACE, LOCKOUT_TIME, "0"))
					: new ModifyRequest(user.getDN(), new Modification(ModificationType.REPLACE, UNICODE_PWD, quoted(password)));
			connection.modify(request);
		}

		@Override
		void unlock(LDAPConnection connection, Entry user) throws LDAPException {
			connection.modify(user.getDN(), new Modification(ModificationType.REPLACE, LOCKOUT_TIME, "0"));
		}

		@Override
		String[] versionAttributes() {
			return new String[] { "pwdLastSet" };
		}

		@Override
		boolean locked(Entry user) {
			String value = user.getAttributeValue(LOCKOUT_TIME);
			return value != null && !value.isBlank() && !"0".equals(value.strip());
		}

		@Override
		boolean enabled(Entry user) {
			Integer control = user.getAttributeValueAsInteger("userAccountControl");
			return control == null || (control & ACCOUNTDISABLE) == 0;
		}

		@Override
		String externalIdAttribute() {
			return "objectGUID";
		}

		@Override
		String externalId(Entry user) {
			byte[] guid = user.getAttributeValueBytes("objectGUID");
			return guid == null ? null : Base64.getEncoder().encodeToString(guid);
		}

		@Override
		String[] stateAttributes() {
			return new String[] { LOCKOUT_TIME, "userAccountControl", "objectGUID" };
		}

		@Override
		Capability capability(RootDSE rootDse) {
			if (rootDse == null) {
				return Capability.UNKNOWN;
			}
			String[] capabilities = rootDse.getAttributeValues("supportedCapabilities");
			if (capabilities == null || !java.util.Arrays.asList(capabilities).contains(AD_CAPABILITY)) {
				return Capability.MISMATCH;
			}
			// Windows Server 2008 R2 and later: older domain controllers lack what writeback relies on.
			Integer level = rootDse.getAttributeValueAsInteger("domainControllerFunctionality");
			return level != null && level < 4 ? Capability.OUTDATED : Capability.SUPPORTED;
		}
	};

	/** What the directory's root DSE says about the operations the dialect needs. */
	enum Capability { SUPPORTED, OUTDATED, MISMATCH, UNKNOWN }

	static final String LOCKED_TIME = "pwdAccountLockedTime";
	static final String UNICODE_PWD = "unicodePwd";
	static final String LOCKOUT_TIME = "lockoutTime";
	static final String PERMANENT_LOCK = "000001010000Z";
	static final int ACCOUNTDISABLE = 0x2;
	static final String AD_CAPABILITY = "1.2.840.113556.1.4.800";

	abstract void resetPassword(LDAPConnection connection, Entry user, String password, boolean unlock) throws LDAPException;

	abstract void unlock(LDAPConnection connection, Entry user) throws LDAPException;

	abstract boolean locked(Entry user);

	/** Attributes that change when the password is set, in order of preference (the first present counts). */
	abstract String[] versionAttributes();

	/** The entry's password version: the first version attribute present, by name, or null. */
	String passwordVersion(Entry user) {
		for (String attribute : versionAttributes()) {
			String value = user.getAttributeValue(attribute);
			if (value != null) {
				return attribute + "=" + value;
			}
		}
		return null;
	}

	/** The attributes a look-up of one user reads: its state and its password version. */
	String[] entryAttributes() {
		String[] state = stateAttributes();
		String[] version = versionAttributes();
		String[] all = java.util.Arrays.copyOf(state, state.length + version.length);
		System.arraycopy(version, 0, all, state.length, version.length);
		return all;
	}

	/** The password was set but the unlock after it failed: the reset is half done and must be finished. */
	static final class StillLocked extends LDAPException {

		private static final long serialVersionUID = 1L;

		StillLocked(LDAPException cause) {
			super(cause.getResultCode(), "password set, unlock failed", cause);
		}
	}

	abstract boolean enabled(Entry user);

	abstract String externalIdAttribute();

	abstract String externalId(Entry user);

	/** The attributes {@link #locked}, {@link #enabled} and {@link #externalId} read. */
	abstract String[] stateAttributes();

	abstract Capability capability(RootDSE rootDse);

	/** Active Directory's password format: the password in double quotes, encoded as UTF-16LE. */
	static byte[] quoted(String password) {
		return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
	}
}
