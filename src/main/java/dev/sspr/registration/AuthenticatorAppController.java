package dev.sspr.registration;

import dev.sspr.directory.Directory;
import dev.sspr.directory.TenantInfo;
import dev.sspr.throttle.Limit;
import dev.sspr.throttle.Throttle;
import dev.sspr.verification.AuthenticatorApps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.codec.binary.Base32;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Registering an authenticator app (R-20, R-22, S-22): a 160-bit secret shown as a QR code and as
 * text, active only after its first correct code. Until then any earlier app keeps working.
 */
@Controller
class AuthenticatorAppController {

	static final String VIEW = "registration/app";

	record AppCodeForm(
			@NotBlank(message = "{reset.verify.code.required}")
			@Size(max = 32, message = "{reset.verify.code.format}")
			@Pattern(regexp = "^\\s*\\d{6}\\s*$", message = "{registration.app.codeFormat}") String code) {

		@Override
		public String toString() {
			return "AppCodeForm[****]";
		}
	}

	private final AuthenticatorApps apps;
	private final Directory directory;
	private final Throttle throttle;
	private final ApplicationEventPublisher events;

	AuthenticatorAppController(AuthenticatorApps apps, Directory directory, Throttle throttle,
			ApplicationEventPublisher events) {
		this.apps = apps;
		this.directory = directory;
		this.throttle = throttle;
		this.events = events;
	}

	@PostMapping("/security-info/app/start")
	@RecentPassword(kind = "app", onlyToReplace = true)
	String processStart(@AuthenticationPrincipal SignedInUser user, Model model) {
		apps.startEnrollment(user.userPk());
		return "redirect:/security-info/app";
	}

	@GetMapping("/security-info/app")
	String initApp(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("appCodeForm", new AppCodeForm(""));
		return page(user, model).orElse("redirect:/security-info");
	}

	@PostMapping("/security-info/app")
	String processApp(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("appCodeForm") AppCodeForm form,
			BindingResult result, Model model, HttpServletRequest request) {
		if (!result.hasErrors()) {
			if (!throttle.tryAcquire(Limit.TRY_PER_ADDRESS, request.getRemoteAddr())) {
				result.rejectValue("code", "error.status.429");
			}
			else if (apps.confirmEnrollment(user.userPk(), form.code())) {
				events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REGISTERED, user.tenantId(),
						user.userId(), "APP_CODE", true, null));
				return "redirect:/security-info?saved";
			}
			else {
				result.rejectValue("code", "reset.verify.code.wrong");
			}
		}
		return page(user, model).orElse("redirect:/security-info");
	}

	private Optional<String> page(SignedInUser user, Model model) {
		Optional<byte[]> secret = apps.pendingSecret(user.userPk());
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		String base32 = new Base32().encodeToString(secret.get()).replace("=", "");
		String issuer = directory.tenantForUserId(user.userId()).map(TenantInfo::displayName).orElse("SSPR");
		String uri = "otpauth://totp/" + enc(issuer + ":" + user.userId()) + "?secret=" + base32 + "&issuer=" + enc(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
		model.addAttribute("qr", QrCodes.pngDataUri(uri));
		model.addAttribute("secret", base32.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("account", user.userId());
		return Optional.of(VIEW);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
