package dev.sspr.verification;

import dev.sspr.delivery.CallbackSignatures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the voice provider reports the key pressed during an approval call. With a provider the
 * request must carry its signature; without one only the dev profile's outbox page has a stand-in
 * button that calls here, and outside that profile an unsigned callback answers 404. No CSRF token: the provider cannot send one, the signature takes its place.
 */
@Controller
class VoiceCallbackController {

	private static final String HANG_UP = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";

	private final VoiceApprovals approvals;
	private final CallbackSignatures signatures;

	VoiceCallbackController(VoiceApprovals approvals, CallbackSignatures signatures) {
		this.approvals = approvals;
		this.signatures = signatures;
	}

	@PostMapping("/voice/{token:[A-Za-z0-9_-]{1,100}}")
	ResponseEntity<String> keyPressed(@PathVariable String token, @RequestParam MultiValueMap<String, String> parameters,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
		if (signatures.required()) {
			if (!signatures.valid(signatures.callbackBase() + "/voice/" + token, parameters.toSingleValueMap(), signature)) {
				return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
			}
		}
		else if (!signatures.unsignedAllowed()) {
			return ResponseEntity.notFound().build();
		}
		approvals.answer(token, parameters.getFirst("Digits"));
		if (!signatures.required() && "outbox".equals(parameters.getFirst("from"))) {
			// The dev outbox's stand-in button: back to the outbox page rather than to the provider's XML.
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/dev/outbox").build();
		}
		// The same answer for a known and an unknown token: the caller learns nothing from it.
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(HANG_UP);
	}
}
