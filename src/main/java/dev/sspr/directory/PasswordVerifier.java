package dev.sspr.directory;

/**
 * Checks a password where the user's password lives: the portal's own hash for cloud users; an
 * LDAP bind for on-premises users once writeback lands (the LDAP module adds that verifier).
 */
public interface PasswordVerifier {

	boolean supports(PasswordSource source);

	boolean matches(UserAccount user, String password);
}
