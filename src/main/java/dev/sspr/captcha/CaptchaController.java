package dev.sspr.captcha;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands out challenges to the widget; stateless, so it creates no session. */
@RestController
class CaptchaController {

	private final AltchaCaptcha captcha;

	CaptchaController(AltchaCaptcha captcha) {
		this.captcha = captcha;
	}

	@GetMapping("/captcha/challenge")
	ResponseEntity<AltchaCaptcha.Challenge> challenge() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captcha.newChallenge());
	}
}
