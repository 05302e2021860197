package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.policy.MethodKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user registers on the security-info page, as its URLs name it ({@code email},
 * {@code phone}, {@code questions}, {@code app}, {@code passkey}): whether this user has it, how it is removed, and
 * which methods of proof it stands for. Adding a kind is one constant here (plus its page).
 */
enum RegisteredMethod {

	/** An authentication email, proved by a code sent to it. */
	EMAIL(MethodKind.EMAIL) {
		@Override
		boolean registeredFor(long userPk, RegisteredMethods stores) {
			return stores.account(userPk).authEmail() != null;
		}

		@Override
		void store(Directory directory, long userPk, String destination) {
			directory.setAuthenticationEmail(userPk, destination);
		}

		@Override
		boolean validDestination(String value) {
			return Patterns.EMAIL.matcher(value).matches();
		}
	},

	/** An authentication phone, proved by a code texted to it; calls go to it too. */
	PHONE(MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE) {
		@Override
		boolean registeredFor(long userPk, RegisteredMethods stores) {
			return stores.account(userPk).authPhone() != null;
		}

		@Override
		void store(Directory directory, long userPk, String destination) {
			directory.setAuthenticationPhone(userPk, destination);
		}

		@Override
		boolean validDestination(String value) {
			return Patterns.PHONE.matcher(value).matches() && value.replaceAll("\\D", "").length() >= 6;
		}
	},

	/** Answers to security questions. */
	QUESTIONS(MethodKind.SECURITY_QUESTIONS) {
		@Override
		boolean registeredFor(long userPk, RegisteredMethods stores) {
			return stores.questions().count(userPk) > 0;
		}

		@Override
		void remove(long userPk, RegisteredMethods stores) {
			stores.questions().register(userPk, List.of());
		}
	},

	/** An authenticator app: its codes and its notifications. */
	APP(MethodKind.APP_CODE, MethodKind.APP_NOTIFICATION) {
		@Override
		boolean registeredFor(long userPk, RegisteredMethods stores) {
			return stores.apps().hasActiveApp(userPk);
		}

		@Override
		void remove(long userPk, RegisteredMethods stores) {
			stores.apps().remove(userPk);
		}
	},

	/**
	 * Passkeys, several per user, each added, renamed and deleted on its own ({@code PasskeysController});
	 * removing the method removes them all.
	 */
	PASSKEY(MethodKind.PASSKEY) {
		@Override
		boolean registeredFor(long userPk, RegisteredMethods stores) {
			return stores.passkeys().count(userPk) > 0;
		}

		@Override
		void remove(long userPk, RegisteredMethods stores) {
			stores.passkeys().deleteAll(userPk);
		}

		@Override
		String page() {
			return "/security-info";
		}
	};

	private final List<MethodKind> methods;

	RegisteredMethod(MethodKind... methods) {
		this.methods = List.of(methods);
	}

	/** The kind a URL names, e.g. {@code phone}. */
	static RegisteredMethod of(String path) {
		return valueOf(path.toUpperCase(Locale.ROOT));
	}

	/** As URLs, templates and message keys name it. */
	String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Its page, where the password page leads once the password was typed again. */
	String page() {
		return "/security-info/" + path();
	}

	/** The methods of proof it stands for; for a contact, the first is the one that proves it. */
	List<MethodKind> methods() {
		return methods;
	}

	/** Whether this user has it registered. */
	abstract boolean registeredFor(long userPk, RegisteredMethods stores);

	/** Removes it for this user. */
	void remove(long userPk, RegisteredMethods stores) {
		store(stores.directory(), userPk, null);
	}

	/** Whether it is a destination (email, phone) the user proves with a code sent to it. */
	boolean contact() {
		return methods.get(0).sendsCode();
	}

	/** Saves a proved destination, or clears it with null; only contacts. */
	void store(Directory directory, long userPk, String destination) {
		throw new IllegalStateException(this + " is not a contact");
	}

	/** Whether a stripped, plain value has the shape of this destination; only contacts. */
	boolean validDestination(String value) {
		throw new IllegalStateException(this + " is not a contact");
	}

	/** Held apart, so that the constants' bodies can use them. */
	private static final class Patterns {

		static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
		static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-.]{6,30}$");
	}
}
