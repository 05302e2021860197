package dev.sspr.verification;

import dev.sspr.policy.SsprPolicy;

/**
 * What the methods that send a code to a destination share (R-17, S-20): the user first confirms
 * the destination, then types the code the portal sent there.
 */
abstract class SentCodeVerifier implements MethodVerifier {

	protected final OneTimeCodes codes;

	SentCodeVerifier(OneTimeCodes codes) {
		this.codes = codes;
	}

	@Override
	public Opening open(String flowId, long userPk, SsprPolicy policy) {
		return Opening.at(Prompt.CONFIRM_DESTINATION);
	}

	@Override
	public Prompt afterConfirmation() {
		return Prompt.ENTER_CODE;
	}

	/** How this method's codes travel (channel, lifetime, limits), handed to {@link OneTimeCodes}. */
	abstract CodeDelivery delivery();

	@Override
	public SendOutcome send(CodeRequest request) {
		return codes.send(request, delivery());
	}

	@Override
	public Check check(Proof proof) {
		return codes.check(proof.flowId(), proof.userPk(), kind(), proof.code());
	}

	@Override
	public Check checkNewDestination(String flowId, long userPk, String code) {
		return codes.checkRegistration(flowId, userPk, kind(), code);
	}

	@Override
	public ProofMessages messages(Prompt at) {
		return ProofMessages.CODE;
	}
}
