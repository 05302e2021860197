package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.passkey.Passkeys;
import dev.sspr.verification.AuthenticatorApps;
import dev.sspr.verification.SecurityQuestions;
import org.springframework.stereotype.Component;

/** Where what a user registers is kept, for {@link RegisteredMethod}'s per-kind behaviour. */
@Component
class RegisteredMethods {

	private final Directory directory;
	private final SecurityQuestions questions;
	private final AuthenticatorApps apps;
	private final Passkeys passkeys;

	RegisteredMethods(Directory directory, SecurityQuestions questions, AuthenticatorApps apps, Passkeys passkeys) {
		this.directory = directory;
		this.questions = questions;
		this.apps = apps;
		this.passkeys = passkeys;
	}

	/** Whether this user has registered the kind a URL names. */
	boolean registered(long userPk, String path) {
		return RegisteredMethod.of(path).registeredFor(userPk, this);
	}

	void remove(long userPk, RegisteredMethod method) {
		method.remove(userPk, this);
	}

	Directory directory() {
		return directory;
	}

	UserAccount account(long userPk) {
		return directory.user(userPk).orElseThrow();
	}

	SecurityQuestions questions() {
		return questions;
	}

	AuthenticatorApps apps() {
		return apps;
	}

	Passkeys passkeys() {
		return passkeys;
	}
}
