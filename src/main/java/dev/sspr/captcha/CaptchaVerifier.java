package dev.sspr.captcha;

/** Checks the captcha answer posted with a form. A verifier must refuse a replayed answer. */
public interface CaptchaVerifier {

	boolean verify(String answer);
}
