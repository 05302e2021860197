package dev.sspr.directory.ldap;

import com.unboundid.ldap.sdk.Attribute;
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
 * write access is enough). ppolicy holds the service account to the quality and history rules,
 * but not the rootdn: never configure the rootdn as the service account.
 */
public enum Dialect {

	OPENLDAP {
		@Override
		void resetPassword(LDAPConnection connection, Entry user, String password, boolean unlock) throws LDAPException {
			Attribute lock = user.getAttribute(LOCKED_TIME);
			boolean unlocked = unlock && lock != null;
			if (unlocked) {
				unlock(connection, user);
			}
			try {
				PasswordModifyExtendedResult result = (PasswordModifyExtendedResult) connection
						.processExtendedOperation(new PasswordModifyExtendedRequest(user.getDN(), null, password));
				if (result.getResultCode() != ResultCode.SUCCESS) {
					throw new LDAPException(result);
				}
			}
			catch (LDAPException ex) {
				if (unlocked) {
					// All or nothing: the refused password leaves the account as locked as it was.
					relock(connection, user.getDN(), lock);
				}
				throw ex;
			}
		}

		@Override
		void unlock(LDAPConnection connection, Entry user) throws LDAPException {
			if (user.hasAttribute(LOCKED_TIME)) {
				connection.modify(user.getDN(), new Modification(ModificationType.DELETE, LOCKED_TIME));
			}
		}

		private void relock(LDAPConnection connection, String dn, Attribute lock) {
			try {
				connection.modify(dn, new Modification(ModificationType.REPLACE, LOCKED_TIME, lock.getValues()));
			}
			catch (LDAPException ignored) {
				// The directory is refusing us; the failed reset is reported either way.
			}
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
