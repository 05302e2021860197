/**
 * The self-hosted captcha of the identify step: ALTCHA's proof-of-work, no third party.
 * {@link dev.sspr.captcha.CaptchaVerifier} is the seam for a deployment that prefers another.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Captcha", allowedDependencies = { "secrets" })
package dev.sspr.captcha;
