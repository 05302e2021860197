package dev.sspr.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import dev.sspr.directory.PasswordSource;
import dev.sspr.directory.PasswordWriteException;
import dev.sspr.directory.UserAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both dialects against an in-memory directory: the password really changes (a bind with the new
 * one succeeds, with the old one fails), locks are cleared, and every failure (a refusal, a dead or
 * slow directory) gives its message and leaves the directory as it was. Active Directory is
 * emulated: its {@code unicodePwd} arrives as the quoted UTF-16LE value AD requires.
 */
class LdapWritebackTests {

	private InMemoryDirectoryServer server;
	private final AtomicReference<byte[]> lastUnicodePwd = new AtomicReference<>();
	private volatile String refuseWith;
	/** Set: the directory refuses to remove a lock. */
	private volatile boolean refuseUnlock;
	/** Closed while the directory should not answer a password change; the test opens it when done. */
	private volatile java.util.concurrent.CountDownLatch silence;

	/** Emulates what the real directories do that the in-memory server does not. */
	final class DirectoryBehaviour extends InMemoryOperationInterceptor {

		@Override
		public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
			if (refuseUnlock && request.getRequest().getModifications().stream()
					.anyMatch(m -> m.getAttributeName().equalsIgnoreCase(Dialect.LOCKED_TIME))) {
				throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "not now");
			}
			List<Modification> rewritten = new ArrayList<>();
			boolean changed = false;
			for (Modification modification : request.getRequest().getModifications()) {
				if (modification.getAttributeName().equalsIgnoreCase("unicodePwd")) {
					// Active Directory: the value is the password in quotes, UTF-16LE; it becomes the bind password.
					byte[] value = modification.getValueByteArrays()[0];
					lastUnicodePwd.set(value);
					String quoted = new String(value, StandardCharsets.UTF_16LE);
					rewritten.add(new Modification(ModificationType.REPLACE, "userPassword",
							quoted.substring(1, quoted.length() - 1)));
					changed = true;
				}
				else {
					rewritten.add(modification);
				}
			}
			if (changed) {
				request.setRequest(new ModifyRequest(request.getRequest().getDN(), rewritten));
			}
		}

		@Override
		public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
			java.util.concurrent.CountDownLatch quiet = silence;
			if (quiet != null) {
				try {
					quiet.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (refuseWith != null && request.getRequest().getOID().equals(PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID)) {
				throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, refuseWith);
			}
		}
	}

	private TestDirectory directory;

	@AfterEach
	void stop() {
		if (directory != null) {
			directory.close();
		}
	}

	LdapPasswordWriter writer(Dialect dialect) throws Exception {
		if (directory == null) {
			directory = new TestDirectory(new DirectoryBehaviour(), config -> {
			});
			server = directory.server;
		}
		return new LdapPasswordWriter(directory.directory(directory.properties(dialect)));
	}

	boolean binds(String uid, String password) {
		return directory.binds(uid, password);
	}

	String attribute(String uid, String attribute) throws LDAPException {
		return directory.attribute(uid, attribute);
	}

	static UserAccount user(String userId) {
		return new UserAccount(1, 1, userId, userId, null, null, userId, null, null, null, null, null, Set.of(), Set.of(),
				true, false, true, PasswordSource.PASSWORD_HASH_SYNC, 0, null);
	}

	@ParameterizedTest
	@EnumSource(Dialect.class)
	void whenThePasswordIsWrittenThenTheNewOneBindsAndTheOldOneDoesNot(Dialect dialect) throws Exception {
		LdapPasswordWriter writer = writer(dialect);
		writer.resetPassword(user("ada@example.test"), "Brand-New-Passw0rd");
		assertThat(binds("ada", "Brand-New-Passw0rd")).isTrue();
		assertThat(binds("ada", "Old-Password-1")).isFalse();
		assertThat(writer.matches(user("ada@example.test"), "Brand-New-Passw0rd")).isTrue();
		assertThat(writer.matches(user("ada@example.test"), "Old-Password-1")).isFalse();
	}

	@Test
	void whenActiveDirectoryIsWrittenThenUnicodePwdIsTheQuotedUtf16LeValueAndTheLockIsClearedInOneRequest() throws Exception {
		writer(Dialect.ACTIVE_DIRECTORY).resetPassword(user("bob@example.test"), "Ünïcode-Pässwörd-9");
		assertThat(lastUnicodePwd.get()).isEqualTo("\"Ünïcode-Pässwörd-9\"".getBytes(StandardCharsets.UTF_16LE));
		assertThat(attribute("bob", "lockoutTime")).isEqualTo("0");
		assertThat(Dialect.ACTIVE_DIRECTORY.locked(server.getEntry("uid=bob,ou=people,dc=example,dc=test"))).isFalse();
	}

	@Test
	void whenAnOpenLdapUserIsResetThenPpolicysLockIsRemovedAndTheNewPasswordBinds() throws Exception {
		writer(Dialect.OPENLDAP).resetPassword(user("bob@example.test"), "Brand-New-Passw0rd");
		assertThat(attribute("bob", "pwdAccountLockedTime")).isNull();
		assertThat(binds("bob", "Brand-New-Passw0rd")).isTrue();
	}

	@ParameterizedTest
	@EnumSource(Dialect.class)
	void whenOnlyUnlockedThenTheLockGoesAndThePasswordStays(Dialect dialect) throws Exception {
		writer(dialect).unlock(user("bob@example.test"));
		assertThat(dialect.locked(server.getEntry("uid=bob,ou=people,dc=example,dc=test"))).isFalse();
		assertThat(binds("bob", "Old-Password-2")).isTrue();
	}

	@Test
	void whenTheDirectoryRefusesThePasswordThenTheReasonIsNamedAndTheAccountStaysLocked() throws Exception {
		LdapPasswordWriter writer = writer(Dialect.OPENLDAP);
		refuseWith = "Password is in history of old passwords";
		assertThatThrownBy(() -> writer.resetPassword(user("bob@example.test"), "Brand-New-Passw0rd"))
				.isInstanceOf(PasswordWriteException.class)
				.extracting(e -> ((PasswordWriteException) e).messageKey())
				.isEqualTo("reset.password.error.directory.history");
		assertThat(attribute("bob", "pwdAccountLockedTime")).isEqualTo("20260101000000Z");
		assertThat(attribute("bob", "userPassword")).isEqualTo("Old-Password-2");
		refuseWith = "Password fails quality checking policy";
		assertThatThrownBy(() -> writer.resetPassword(user("ada@example.test"), "short"))
				.extracting(e -> ((PasswordWriteException) e).messageKey())
				.isEqualTo("reset.password.error.directory.complexity");
		assertThat(binds("ada", "Old-Password-1")).isTrue();
	}

	@Test
	void whenTheUnlockAfterThePasswordFailsThenTheWriteIsUncertainAndTheAccountStaysLockedWithTheNewPassword()
			throws Exception {
		LdapPasswordWriter writer = writer(Dialect.OPENLDAP);
		String before = writer.passwordVersion(user("bob@example.test")).orElseThrow();
		refuseUnlock = true;
		try {
			assertThatThrownBy(() -> writer.resetPassword(user("bob@example.test"), "Brand-New-Passw0rd"))
					.isInstanceOf(PasswordWriteException.class)
					.extracting(e -> ((PasswordWriteException) e).uncertain()).isEqualTo(true);
		}
		finally {
			refuseUnlock = false;
		}
		// Password first, then the lock: never unlocked with the old password; the pending reset unlocks later.
		assertThat(attribute("bob", "userPassword")).isEqualTo("Brand-New-Passw0rd");
		assertThat(attribute("bob", "pwdAccountLockedTime")).isEqualTo("20260101000000Z");
		assertThat(writer.passwordVersion(user("bob@example.test")).orElseThrow()).isNotEqualTo(before);
		writer.unlock(user("bob@example.test"));
		assertThat(binds("bob", "Brand-New-Passw0rd")).isTrue();
	}

	@Test
	void whenTheDirectoryRefusesThenTheWriteIsCertainAndThePasswordVersionStays() throws Exception {
		LdapPasswordWriter writer = writer(Dialect.OPENLDAP);
		String before = writer.passwordVersion(user("bob@example.test")).orElseThrow();
		refuseWith = "Password is in history of old passwords";
		assertThatThrownBy(() -> writer.resetPassword(user("bob@example.test"), "Brand-New-Passw0rd"))
				.extracting(e -> ((PasswordWriteException) e).uncertain()).isEqualTo(false);
		assertThat(writer.passwordVersion(user("bob@example.test")).orElseThrow()).isEqualTo(before);
	}

	@Test
	void whenTheDirectoryIsDownThenTheUserLearnsItAndNothingChanged() throws Exception {
		LdapPasswordWriter writer = writer(Dialect.OPENLDAP);
		server.shutDown(true);
		assertThatThrownBy(() -> writer.resetPassword(user("ada@example.test"), "Brand-New-Passw0rd"))
				.extracting(e -> ((PasswordWriteException) e).messageKey(), e -> ((PasswordWriteException) e).uncertain())
				.containsExactly("reset.password.error.directory.unavailable", false);
		assertThat(writer.matches(user("ada@example.test"), "Old-Password-1")).isFalse();
		server.startListening();
	}

	@Test
	void whenTheDirectoryNeverAnswersThenTheWriteTimesOutAsUnavailable() throws Exception {
		writer(Dialect.OPENLDAP);
		// A directory that takes the request and never answers: the deadline passes on any machine.
		LdapPasswordWriter writer = new LdapPasswordWriter(directory.directory(directory.properties(Dialect.OPENLDAP,
				"(objectClass=inetOrgPerson)", TestDirectory.BIND_PASSWORD, Duration.ofSeconds(1), Duration.ofSeconds(30))));
		silence = new java.util.concurrent.CountDownLatch(1);
		try {
			// Sent and never answered: whether the directory took it is unknown.
			assertThatThrownBy(() -> writer.resetPassword(user("ada@example.test"), "Brand-New-Passw0rd"))
					.extracting(e -> ((PasswordWriteException) e).messageKey(), e -> ((PasswordWriteException) e).uncertain())
					.containsExactly("reset.password.error.directory.unavailable", true);
		}
		finally {
			silence.countDown();
			silence = null;
		}
	}

	@Test
	void whenAUserIdHoldsFilterSyntaxThenItMatchesNobody() throws Exception {
		LdapPasswordWriter writer = writer(Dialect.OPENLDAP);
		for (String id : List.of("*", "*)(mail=*", "ada@example.test)(|(mail=*", "\\2a")) {
			assertThat(writer.matches(user(id), "Old-Password-1")).as(id).isFalse();
			assertThatThrownBy(() -> writer.resetPassword(user(id), "Brand-New-Passw0rd"))
					.isInstanceOf(PasswordWriteException.class);
		}
		assertThat(binds("ada", "Old-Password-1")).isTrue();
	}

	@Test
	void whenThePasswordIsEmptyThenSignInByBindFailsInsteadOfBindingAnonymously() throws Exception {
		assertThat(writer(Dialect.OPENLDAP).matches(user("ada@example.test"), "")).isFalse();
	}

	@Test
	void whenTheUrlIsPlainLdapWithoutTlsThenStartUpRefusesUnlessTheInsecureFlagIsSet() {
		LdapProperties plain = new LdapProperties("ldap://dc.example.test", false, false, TestDirectory.BIND_DN, "x",
				"dc=example,dc=test", "(objectClass=user)", "userPrincipalName", "(objectClass=group)",
				Dialect.ACTIVE_DIRECTORY, "example", PasswordSource.PASSWORD_HASH_SYNC, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), new LdapProperties.Embedded(false, null));
		assertThatThrownBy(() -> LdapDirectory.check(plain)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("clear text").hasMessageContaining("allow-insecure");
		LdapProperties tls = new LdapProperties("ldap://dc.example.test", true, false, TestDirectory.BIND_DN, "x",
				"dc=example,dc=test", "(objectClass=user)", "userPrincipalName", "(objectClass=group)",
				Dialect.ACTIVE_DIRECTORY, "example", PasswordSource.PASSWORD_HASH_SYNC, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), new LdapProperties.Embedded(false, null));
		LdapDirectory.check(tls);
		assertThat(tls.configured()).isTrue();
	}
}
