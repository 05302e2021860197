package dev.sspr;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the OpenLDAP writeback relies on, against a real slapd 2.5 with ppolicy. Everything runs as the
 * non-root service account unless a test says otherwise; each test has a user of its own.
 */
@SlapdAvailable
class SlapdServerTests {

	static final String INITIAL = "Initial-Pass1";

	static SlapdServer slapd;

	@BeforeAll
	static void start() throws Exception {
		slapd = SlapdServer.start();
	}

	@AfterAll
	static void stop() {
		if (slapd != null) {
			slapd.close();
		}
	}

	static LDAPConnection service() throws LDAPException {
		return new LDAPConnection("127.0.0.1", slapd.port(), SlapdServer.SERVICE_DN, SlapdServer.SERVICE_PASSWORD);
	}

	static String newUser(String uid, boolean locked) throws LDAPException {
		slapd.addUser(uid, uid + "@fabrikam.example", INITIAL, locked);
		return SlapdServer.userDn(uid);
	}

	/** An administrative reset (no old password), asking for the ppolicy response control. */
	static LDAPResult setPassword(LDAPConnection connection, String dn, String password) throws LDAPException {
		// extended operations return a failed result instead of throwing
		return connection.processExtendedOperation(new PasswordModifyExtendedRequest(dn, null, password,
				new Control[] { new DraftBeheraLDAPPasswordPolicy10RequestControl() }));
	}

	static LDAPResult bind(String dn, String password) {
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", slapd.port())) {
			return connection.bind(new SimpleBindRequest(dn, password, new DraftBeheraLDAPPasswordPolicy10RequestControl()));
		}
		catch (LDAPException ex) {
			return ex.toLDAPResult();
		}
	}

	static DraftBeheraLDAPPasswordPolicy10ErrorType policyError(LDAPResult result) throws LDAPException {
		DraftBeheraLDAPPasswordPolicy10ResponseControl control = DraftBeheraLDAPPasswordPolicy10ResponseControl.get(result);
		return control == null ? null : control.getErrorType();
	}

	static Entry lockState(String dn) throws LDAPException {
		try (LDAPConnection service = service()) {
			return service.getEntry(dn, "pwdAccountLockedTime", "pwdFailureTime");
		}
	}

	static void failBinds(String dn, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(bind(dn, "Wrong-Guess-" + i).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
		}
	}

	@Test
	void whenServiceResetsPasswordThenNewOneBindsAndOldOneFails() throws Exception {
		String dn = newUser("reset", false);
		try (LDAPConnection service = service()) {
			assertThat(setPassword(service, dn, "Brand-New-Pass2").getResultCode()).isEqualTo(ResultCode.SUCCESS);
		}
		assertThat(bind(dn, "Brand-New-Pass2").getResultCode()).isEqualTo(ResultCode.SUCCESS);
		assertThat(bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
	}

	@Test
	void whenNewPasswordIsInHistoryThenConstraintViolation() throws Exception {
		String dn = newUser("history", false);
		try (LDAPConnection service = service()) {
			assertThat(setPassword(service, dn, "Second-Pass2").getResultCode()).isEqualTo(ResultCode.SUCCESS);
			assertThat(setPassword(service, dn, "Third-Pass3").getResultCode()).isEqualTo(ResultCode.SUCCESS);
			// the initial password counts too: the first reset moved it into pwdHistory
			for (String reused : new String[] { "Second-Pass2", INITIAL }) {
				LDAPResult refused = setPassword(service, dn, reused);
				System.out.println("slapd refuses a password from history: " + refused);
				assertThat(refused.getResultCode()).as(reused).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
				assertThat(refused.getDiagnosticMessage()).isEqualTo("Password is in history of old passwords");
				assertThat(policyError(refused)).isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY);
			}
		}
		assertThat(bind(dn, "Third-Pass3").getResultCode()).as("refusals leave the password alone")
				.isEqualTo(ResultCode.SUCCESS);
	}

	// Same code and control error type as history, but a different diagnostic: map both to "already used".
	@Test
	void whenNewPasswordIsTheCurrentOneThenConstraintViolation() throws Exception {
		String dn = newUser("current", false);
		try (LDAPConnection service = service()) {
			LDAPResult refused = setPassword(service, dn, INITIAL);
			System.out.println("slapd refuses the current password: " + refused);
			assertThat(refused.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
			assertThat(refused.getDiagnosticMessage()).isEqualTo("Password is not being changed from existing value");
			assertThat(policyError(refused)).isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY);
		}
	}

	@Test
	void whenNewPasswordTooShortThenConstraintViolation() throws Exception {
		String dn = newUser("short", false);
		try (LDAPConnection service = service()) {
			LDAPResult refused = setPassword(service, dn, "Ab1-xyz");
			System.out.println("slapd refuses a short password: " + refused);
			assertThat(refused.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
			assertThat(refused.getDiagnosticMessage()).isEqualTo("Password fails quality checking policy");
			assertThat(policyError(refused)).isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT);
		}
		assertThat(bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
	}

	// Why the writeback must bind as the service account: ppolicy waves the rootdn through.
	@Test
	void whenRootdnResetsThenHistoryAndQualityAreNotEnforced() throws Exception {
		String dn = newUser("rootreset", false);
		try (LDAPConnection admin = slapd.adminConnection()) {
			assertThat(setPassword(admin, dn, "short").getResultCode()).isEqualTo(ResultCode.SUCCESS);
			assertThat(setPassword(admin, dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
		}
	}

	@Test
	void whenThreeBindsFailThenAccountIsLocked() throws Exception {
		String dn = newUser("lockme", false);
		failBinds(dn, 3);
		assertThat(lockState(dn).hasAttribute("pwdAccountLockedTime")).isTrue();
		LDAPResult locked = bind(dn, INITIAL);
		// no distinct result code: only the ppolicy response control tells "locked" from "wrong password"
		assertThat(locked.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
		assertThat(policyError(locked)).isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED);
	}

	@Test
	void whenServiceDeletesLockedTimeThenUserBindsAgain() throws Exception {
		String dn = newUser("unlockme", true);
		assertThat(bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
		try (LDAPConnection service = service()) {
			// a plain modify: no Relax Rules control, no manage access
			LDAPResult result = service.modify(dn, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
			assertThat(result.getResultCode()).isEqualTo(ResultCode.SUCCESS);
		}
		assertThat(bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
	}

	@Test
	void whenUnlockedThenFailureCountStartsAfresh() throws Exception {
		String dn = newUser("relock", false);
		failBinds(dn, 3);
		try (LDAPConnection service = service()) {
			service.modify(dn, new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
		}
		// the overlay drops pwdFailureTime with the lock, so one more miss does not lock again
		assertThat(lockState(dn).hasAttribute("pwdFailureTime")).isFalse();
		failBinds(dn, 1);
		assertThat(lockState(dn).hasAttribute("pwdAccountLockedTime")).isFalse();
		assertThat(bind(dn, INITIAL).getResultCode()).isEqualTo(ResultCode.SUCCESS);
	}

	@Test
	void whenServiceResetsLockedUsersPasswordThenAccountIsUnlockedToo() throws Exception {
		String dn = newUser("resetlocked", false);
		failBinds(dn, 3);
		try (LDAPConnection service = service()) {
			assertThat(setPassword(service, dn, "After-Lock-Pass4").getResultCode()).isEqualTo(ResultCode.SUCCESS);
		}
		Entry state = lockState(dn);
		assertThat(state.hasAttribute("pwdAccountLockedTime")).isFalse();
		assertThat(state.hasAttribute("pwdFailureTime")).isFalse();
		assertThat(bind(dn, "After-Lock-Pass4").getResultCode()).isEqualTo(ResultCode.SUCCESS);
	}

	@Test
	void whenServiceReadsUserThenAttributesButNoPasswordHash() throws Exception {
		String dn = newUser("reader", false);
		try (LDAPConnection service = service()) {
			Entry entry = service.getEntry(dn, "*");
			assertThat(entry.getAttributeValue("mail")).isEqualTo("reader@fabrikam.example");
			assertThat(entry.hasAttribute("userPassword")).isFalse();
		}
	}

	@Test
	void whenServiceBindsWithWrongPasswordThenInvalidCredentials() {
		assertThat(bind(SlapdServer.SERVICE_DN, "not-the-secret").getResultCode())
				.isEqualTo(ResultCode.INVALID_CREDENTIALS);
		assertThat(bind(SlapdServer.SERVICE_DN, SlapdServer.SERVICE_PASSWORD).getResultCode())
				.isEqualTo(ResultCode.SUCCESS);
	}

	@Test
	void whenServiceBindFailsRepeatedlyThenItIsNotLockedOut() {
		failBinds(SlapdServer.SERVICE_DN, 4);
		assertThat(bind(SlapdServer.SERVICE_DN, SlapdServer.SERVICE_PASSWORD).getResultCode())
				.as("the service account has a policy without lockout").isEqualTo(ResultCode.SUCCESS);
	}
}
