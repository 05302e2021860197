package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.UserAccount;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs end users in against the portal's directory. Every failure reads the same (wrong user ID
 * or password), whether the account is unknown, disabled or locked; a limit reached reads "try
 * later", since the password was never looked at (the limits apply to any user ID typed alike).
 */
@Component
public class DirectoryAuthenticationProvider implements AuthenticationProvider {

	private final Directory directory;
	private final Throttle throttle;
	private final Clock clock;

	DirectoryAuthenticationProvider(Directory directory, Throttle throttle, Clock clock) {
		this.directory = directory;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName() == null ? "" : authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		if (userId.length() > 320 || password.length() > PasswordCheck.MAX_LENGTH) {
			throw new BadCredentialsException("sign-in refused");
		}
		if (!throttle.tryAcquire(Limit.SIGN_IN_PER_ADDRESS, address)
				|| !throttle.tryAcquire(Limit.SIGN_IN_PER_USER, Directory.normalizeUserId(userId))) {
			throw new SignInThrottledException();
		}
		Optional<UserAccount> user = directory.signIn(userId, password).filter(u -> u.enabled() && !u.locked());
		if (user.isEmpty()) {
			throw new BadCredentialsException("sign-in refused");
		}
		return signedIn(user.get(), clock.instant());
	}

	/**
	 * The signed-in session's authentication, the same whichever way the user proved it (password or
	 * passkey): {@code at} is when they proved it, which recent-password checks read.
	 */
	static Authentication signedIn(UserAccount account, Instant at) {
		SignedInUser principal = new SignedInUser(account.id(), account.tenantId(), account.userId(), account.displayName(),
				account.securityStamp(), at);
		// An administrator of the user's own tenant may open that tenant's console.
		List<SimpleGrantedAuthority> roles = account.administrator()
				? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, roles);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
