package dev.sspr.directory;

import java.util.Optional;

/** Who a typed user ID names ({@link Directory#resolve}). */
public sealed interface Resolution {

	/** An account this portal resets, under this tenant's policy: a member, a guest at home here, a guest without a home. */
	record Account(UserAccount user, TenantInfo tenant) implements Resolution {
	}

	/** A guest whose home is an organization outside the portal: they reset there. */
	record OutsideHome(UserAccount guest, TenantInfo invitingTenant, OutsideGuestPage page) implements Resolution {
	}

	/**
	 * A personal account of a consumer provider: typed at its domain (decided by the domain alone,
	 * before any look-up), or a guest invited with such an address and typed by its guest name.
	 */
	record Consumer(ConsumerDomains.Recovery recovery) implements Resolution {
	}

	/** Nobody: the tenant owning the domain, if any, answers as for any refusal (S-01). */
	record Unknown(Optional<TenantInfo> tenant) implements Resolution {
	}
}
