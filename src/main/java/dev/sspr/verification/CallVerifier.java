package dev.sspr.verification;

/**
 * A call that reads a code, or, when the portal is set so ({@code sspr.delivery.voice-approval}),
 * asks the user to press # instead: then the verify page waits for the call's answer.
 */
abstract class CallVerifier extends PhoneCodeVerifier {

	private final ApprovalCalls approvalCalls;

	CallVerifier(OneTimeCodes codes, ApprovalCalls approvalCalls) {
		super(codes);
		this.approvalCalls = approvalCalls;
	}

	@Override
	CodeDelivery delivery() {
		return CodeDelivery.CALL;
	}

	@Override
	public Prompt afterConfirmation() {
		return approvalCalls.enabled() ? Prompt.AWAIT_CALL : Prompt.ENTER_CODE;
	}

	@Override
	public SendOutcome send(CodeRequest request) {
		return approvalCalls.enabled() ? approvalCalls.place(request) : super.send(request);
	}

	@Override
	public Check check(Proof proof) {
		return proof.at() == Prompt.AWAIT_CALL ? approvalCalls.check(proof.flowId(), proof.userPk())
				: super.check(proof);
	}

	@Override
	public ProofMessages messages(Prompt at) {
		return at == Prompt.AWAIT_CALL ? ProofMessages.CALL : ProofMessages.CODE;
	}
}
