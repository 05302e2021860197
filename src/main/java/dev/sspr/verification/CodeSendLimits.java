package dev.sspr.verification;

import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The send limits of S-11, for codes and calls alike: per account, per client address, per
 * destination and, for texts and calls, per tenant. A suppressed send reads like a sent one.
 */
@Component
class CodeSendLimits {

	private final Throttle throttle;

	CodeSendLimits(Throttle throttle) {
		this.throttle = throttle;
	}

	/** The limits in order; {@code SENT} when none says no. */
	SendOutcome admit(CodeRequest request, CodeDelivery delivery) {
		if (!throttle.tryAcquire(Limit.SEND_PER_ACCOUNT, Long.toString(request.userPk()))) {
			return SendOutcome.SUPPRESSED_ACCOUNT_LIMIT;
		}
		if (request.clientAddress() != null && !throttle.tryAcquire(Limit.SEND_PER_ADDRESS, request.clientAddress())) {
			return SendOutcome.SUPPRESSED_ADDRESS_LIMIT;
		}
		if (!throttle.tryAcquire(Limit.SEND_PER_DESTINATION,
				request.destination().replaceAll("[\\s()\\-.]", "").toLowerCase(Locale.ROOT))) {
			return SendOutcome.SUPPRESSED_DESTINATION_LIMIT;
		}
		if (delivery.drawsOnPhoneBudget()
				&& !throttle.tryAcquire(Limit.PHONE_SEND_PER_TENANT, Long.toString(request.tenantId()))) {
			return SendOutcome.SUPPRESSED_TENANT_LIMIT;
		}
		return SendOutcome.SENT;
	}
}
