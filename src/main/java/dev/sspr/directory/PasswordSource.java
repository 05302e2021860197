package dev.sspr.directory;

/** Where a user's password is managed. */
public enum PasswordSource {
	CLOUD, PASSWORD_HASH_SYNC, PASS_THROUGH, FEDERATED;

	public boolean onPremises() {
		return this != CLOUD;
	}
}
