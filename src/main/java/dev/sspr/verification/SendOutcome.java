package dev.sspr.verification;

/**
 * What became of a code request. The user is told the same for each (S-11); the caller audits
 * the suppressed ones.
 */
public enum SendOutcome {
	SENT, SUPPRESSED_ACCOUNT_LIMIT, SUPPRESSED_ADDRESS_LIMIT, SUPPRESSED_DESTINATION_LIMIT, SUPPRESSED_TENANT_LIMIT;

	public boolean suppressed() {
		return this != SENT;
	}
}
