package dev.sspr.directory;

/**
 * What makes an account a guest or a sign-up user, and where its password lives.
 *
 * @param email the address the guest was invited with, or the sign-up user signed up with
 * @param provenEmail the address they proved (by redeeming the invitation, or at sign-up), or null before
 * @param homeUserPk their account in another tenant of this portal, or null
 * @param homeOrganization the organization outside the portal they belong to, or null
 */
public record Guest(AccountKind kind, String email, String provenEmail, Long homeUserPk, String homeOrganization) {

	/** Where a guest resets: at home (another tenant), with their own organization, or here. */
	public enum Home { TENANT, ORGANIZATION, NONE }

	public Home home() {
		if (homeUserPk != null) {
			return Home.TENANT;
		}
		return homeOrganization != null && !homeOrganization.isBlank() ? Home.ORGANIZATION : Home.NONE;
	}
}
