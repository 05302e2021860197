package dev.sspr.admin;

import dev.sspr.audit.AdminAction;
import dev.sspr.directory.Directory;
import dev.sspr.directory.OutsideGuestPage;
import dev.sspr.directory.TenantBranding;
import dev.sspr.directory.TenantBranding.Customization;
import dev.sspr.directory.TenantInfo;
import dev.sspr.directory.TenantLanguages;
import dev.sspr.input.PlainText;
import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import dev.sspr.registration.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Customization: the helpdesk link or email shown on every "contact your administrator"
 * page, the brand colour and the logo of the tenant's end-user pages, and the languages offered
 * to the tenant's users with the default one.
 */
@Controller
class CustomizationController {

	static final String VIEW = "admin/customization";

	record CustomizationForm(
			@Size(max = 500, message = "{input.tooLong}") @PlainText
			@Pattern(regexp = "^$|^https?://[^\\s/?#@]+(/[^\\s]*)?$", message = "{admin.customization.helpdeskUrl.invalid}")
			String helpdeskUrl,
			@Size(max = 320, message = "{input.tooLong}") @PlainText
			@Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{admin.customization.helpdeskEmail.invalid}")
			String helpdeskEmail,
			@Size(max = 7, message = "{admin.customization.brandColor.invalid}")
			@Pattern(regexp = "^$|^#[0-9a-fA-F]{6}$", message = "{admin.customization.brandColor.invalid}")
			String brandColor,
			@Size(max = 320, message = "{input.tooLong}") @PlainText
			@Pattern(regexp = "^$|^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$", message = "{admin.customization.helpdeskEmail.invalid}")
			String mailFrom) {

		static CustomizationForm of(TenantInfo tenant, String mailFrom) {
			return new CustomizationForm(blank(tenant.helpdeskUrl()), blank(tenant.helpdeskEmail()),
					blank(tenant.brandColor()), blank(mailFrom));
		}

		Customization toCustomization() {
			return new Customization(nullIfBlank(helpdeskUrl), nullIfBlank(helpdeskEmail),
					brandColor == null || brandColor.isBlank() ? null : brandColor.strip().toLowerCase(Locale.ROOT),
					nullIfBlank(mailFrom));
		}

		private static String blank(String value) {
			return value == null ? "" : value;
		}

		static String nullIfBlank(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	/**
	 * What guests whose home is an organization outside the portal are told, and the link to their
	 * organization's own reset; empty is not set.
	 */
	record OutsideGuestForm(
			@Size(max = 500, message = "{input.tooLong}") @PlainText(lines = true) String outsideGuestText,
			@Size(max = 500, message = "{input.tooLong}") @PlainText
			@Pattern(regexp = "^$|^https://[^\\s/?#@]+(/[^\\s]*)?$", message = "{admin.customization.outsideGuestUrl.invalid}")
			String outsideGuestUrl) {

		static OutsideGuestForm of(OutsideGuestPage page) {
			return new OutsideGuestForm(page.text() == null ? "" : page.text(), page.url() == null ? "" : page.url());
		}

		OutsideGuestPage toPage() {
			return new OutsideGuestPage(CustomizationForm.nullIfBlank(outsideGuestText),
					CustomizationForm.nullIfBlank(outsideGuestUrl));
		}
	}

	private final TenantBranding branding;
	private final TenantLanguages languages;
	private final ApplicationEventPublisher events;
	private final Directory directory;

	CustomizationController(TenantBranding branding, TenantLanguages languages, ApplicationEventPublisher events,
			Directory directory) {
		this.directory = directory;
		this.branding = branding;
		this.languages = languages;
		this.events = events;
	}

	@GetMapping("/admin/customization")
	String initCustomization(@AuthenticationPrincipal SignedInUser admin, Model model) {
		model.addAttribute("customizationForm", form(admin));
		model.addAttribute("languagesForm", LanguagesForm.of(languages.of(admin.tenantId())));
		return VIEW;
	}

	@PostMapping("/admin/customization")
	String processCustomization(@AuthenticationPrincipal SignedInUser admin,
			@Valid @ModelAttribute CustomizationForm customizationForm, BindingResult result, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("languagesForm", LanguagesForm.of(languages.of(admin.tenantId())));
			return VIEW;
		}
		TenantInfo before = tenant(admin);
		String fromBefore = branding.mailFrom(admin.tenantId()).orElse(null);
		Customization after = customizationForm.toCustomization();
		branding.customize(admin.tenantId(), after);
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_CUSTOMIZATION_CHANGED, admin.tenantId(), admin.userId(),
				null, true, change("helpdeskUrl", before.helpdeskUrl(), after.helpdeskUrl())
						+ change("helpdeskEmail", before.helpdeskEmail(), after.helpdeskEmail())
						+ change("brandColor", before.brandColor(), after.brandColor())
						+ change("mailFrom", fromBefore, after.mailFrom())));
		return "redirect:/admin/customization?saved";
	}

	@PostMapping("/admin/customization/logo")
	String processLogo(@AuthenticationPrincipal SignedInUser admin, @RequestParam(name = "logo", required = false) MultipartFile logo,
			Model model) throws IOException {
		// Too big is refused without reading the upload into memory.
		boolean tooLarge = logo != null && logo.getSize() > LogoCheck.MAX_BYTES;
		byte[] bytes = logo == null || tooLarge ? new byte[0] : logo.getBytes();
		LogoCheck.Result check = tooLarge ? LogoCheck.Result.refused(LogoCheck.TOO_LARGE) : LogoCheck.check(bytes);
		if (!check.accepted()) {
			model.addAttribute("customizationForm", form(admin));
			model.addAttribute("languagesForm", LanguagesForm.of(languages.of(admin.tenantId())));
			model.addAttribute("logoError", check.errorKey());
			events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_LOGO_CHANGED, admin.tenantId(), admin.userId(), null,
					false, check.errorKey()));
			return VIEW;
		}
		branding.setLogo(admin.tenantId(), bytes, check.contentType());
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_LOGO_CHANGED, admin.tenantId(), admin.userId(), null,
				true, check.contentType() + ", " + bytes.length + " bytes"));
		return "redirect:/admin/customization?logoSaved";
	}

	@PostMapping("/admin/customization/languages")
	String processLanguages(@AuthenticationPrincipal SignedInUser admin, @ModelAttribute LanguagesForm languagesForm,
			BindingResult result, Model model) {
		languagesForm.validate(result);
		if (result.hasErrors()) {
			model.addAttribute("customizationForm", form(admin));
			return VIEW;
		}
		TenantLanguages.Settings before = languages.of(admin.tenantId());
		TenantLanguages.Settings after = languagesForm.toSettings();
		languages.save(admin.tenantId(), after);
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_CUSTOMIZATION_CHANGED, admin.tenantId(), admin.userId(),
				null, true, change("defaultLanguage", before.defaultLanguage(), after.defaultLanguage())
						+ change("offeredLanguages", describe(before), describe(after))));
		return "redirect:/admin/customization?languagesSaved";
	}

	@PostMapping("/admin/customization/logo/remove")
	String processRemoveLogo(@AuthenticationPrincipal SignedInUser admin) {
		branding.removeLogo(admin.tenantId());
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_LOGO_CHANGED, admin.tenantId(), admin.userId(), null,
				true, "removed"));
		return "redirect:/admin/customization?logoRemoved";
	}

	@PostMapping("/admin/customization/outside-guests")
	String processOutsideGuests(@AuthenticationPrincipal SignedInUser admin,
			@Valid @ModelAttribute OutsideGuestForm outsideGuestForm, BindingResult result, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("customizationForm", form(admin));
			model.addAttribute("languagesForm", LanguagesForm.of(languages.of(admin.tenantId())));
			return VIEW;
		}
		OutsideGuestPage before = directory.outsideGuestPage(admin.tenantId());
		OutsideGuestPage after = outsideGuestForm.toPage();
		branding.setOutsideGuestPage(admin.tenantId(), after);
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_CUSTOMIZATION_CHANGED, admin.tenantId(), admin.userId(),
				null, true, change("outsideGuestText", before.text(), after.text())
						+ change("outsideGuestUrl", before.url(), after.url())));
		return "redirect:/admin/customization?outsideGuestsSaved#outside-guests";
	}

	/** Every render of the page shows the outside guests' form, unless a post just bound its own. */
	@ModelAttribute
	void outsideGuests(@AuthenticationPrincipal SignedInUser admin, HttpServletRequest request, Model model) {
		if (!request.getRequestURI().endsWith("/outside-guests")) {
			model.addAttribute("outsideGuestForm", OutsideGuestForm.of(directory.outsideGuestPage(admin.tenantId())));
		}
	}

	private CustomizationForm form(SignedInUser admin) {
		return CustomizationForm.of(tenant(admin), branding.mailFrom(admin.tenantId()).orElse(null));
	}

	/** Every language the portal speaks, each in its own name, for the languages form. */
	@ModelAttribute("languageChoices")
	List<Language> languageChoices() {
		return Languages.ALL;
	}

	@ModelAttribute("tenant")
	TenantInfo tenant(@AuthenticationPrincipal SignedInUser admin) {
		return branding.tenant(admin.tenantId()).orElseThrow();
	}

	private static String describe(TenantLanguages.Settings settings) {
		return settings.offered().isEmpty() ? "all" : String.join(",", settings.offered());
	}

	private static String change(String name, String before, String after) {
		return Objects.equals(before, after) ? "" : name + ": " + before + " -> " + after + "; ";
	}
}
