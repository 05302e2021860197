package dev.sspr.verification;

import dev.sspr.delivery.CallbackSignatures;
import dev.sspr.delivery.DeliveryProperties;
import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls that ask the user to press # to approve, instead of reading a code
 * ({@code sspr.delivery.voice-approval}): placing them under the same send limits as codes, and
 * reading their answer from {@link VoiceApprovals}.
 */
@Component
class ApprovalCalls {

	private final CodeSendLimits limits;
	private final VoiceApprovals voiceApprovals;
	private final MessageSender sender;
	private final MessageComposer composer;
	private final CallbackSignatures signatures;
	private final DeliveryProperties delivery;

	ApprovalCalls(CodeSendLimits limits, VoiceApprovals voiceApprovals, MessageSender sender,
			MessageComposer composer, CallbackSignatures signatures, DeliveryProperties delivery) {
		this.limits = limits;
		this.voiceApprovals = voiceApprovals;
		this.sender = sender;
		this.composer = composer;
		this.signatures = signatures;
		this.delivery = delivery;
	}

	/** Whether calls ask for # instead of reading a code. */
	boolean enabled() {
		return delivery.voiceApproval();
	}

	/** Places the call, unless a send limit says no. */
	@Transactional
	SendOutcome place(CodeRequest request) {
		SendOutcome admitted = limits.admit(request, CodeDelivery.CALL);
		// S-11: a suppressed call waits for its # like a call nobody answers, so that Continue reads the same.
		String token = voiceApprovals.request(request.flowId(), request.userPk());
		if (admitted.suppressed()) {
			return admitted;
		}
		sender.send(composer.approvalCall(request.destination(), request.tenantName(),
				signatures.callbackBase() + "/voice/" + token, request.locale()).replacing(request.flowId()));
		return SendOutcome.SENT;
	}

	/** What became of this flow's call. */
	Check check(String flowId, long userPk) {
		return voiceApprovals.check(flowId, userPk);
	}
}
