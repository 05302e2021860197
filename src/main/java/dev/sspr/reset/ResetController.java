package dev.sspr.reset;

import dev.sspr.directory.TenantInfo;
import dev.sspr.passkey.AssertionForm;
import dev.sspr.passkey.Passkeys;
import dev.sspr.policy.PasswordViolation;
import dev.sspr.reset.ResetForms.AnswersForm;
import dev.sspr.reset.ResetForms.CodeForm;
import dev.sspr.reset.ResetForms.DestinationForm;
import dev.sspr.reset.ResetForms.IdentifyForm;
import dev.sspr.reset.ResetForms.MethodForm;
import dev.sspr.reset.ResetForms.PasswordForm;
import dev.sspr.reset.ResetService.Identification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reset wizard's pages: a GET/POST pair per step, redirect after every POST, a wrong entry
 * included (its messages go to the step's page in the flash map), so that reload and the back
 * button never post again. {@link ResetStep} on each handler says which steps it serves; the
 * {@link ResetStepInterceptor} sends every other request to the due step, hands the flow in and
 * saves it afterwards; {@link WrongEntry} carries a wrong entry's messages across the redirect.
 * Handlers bind, call one {@link ResetService} use case and pick the page.
 */
@Controller
@RequestMapping("/reset")
class ResetController {

	static final String VIEW_IDENTIFY = "reset/identify";
	static final String VIEW_CONTACT_ADMIN = "reset/contact-admin";
	static final String VIEW_TRY_LATER = "reset/try-later";
	static final String VIEW_ELSEWHERE = "reset/elsewhere";
	static final String VIEW_METHOD = "reset/method";
	static final String VIEW_VERIFY = "reset/verify";
	static final String VIEW_PASSWORD = "reset/password";
	static final String VIEW_DONE = "reset/done";
	/** The flash attribute saying a proof just posted was refused by the per-address try limit. */
	static final String THROTTLED = "throttled";
	/** The verify page, whichever point of it is due. */
	private static final String VERIFY_PAGE = "redirect:/reset/verify";

	private final ResetService service;
	private final Clock clock;
	private final Passkeys passkeys;

	ResetController(ResetService service, Clock clock, Passkeys passkeys) {
		this.service = service;
		this.clock = clock;
		this.passkeys = passkeys;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/** Once the user is identified, every step wears their tenant's branding and helpdesk. */
	@ModelAttribute("tenant")
	TenantInfo tenant(HttpServletRequest request) {
		ResetFlow flow = FlowStore.current(request);
		return flow == null ? null : flow.tenant().orElse(null);
	}

	@GetMapping
	String initIdentify(@RequestParam(name = "expired", required = false) String expired, Model model) {
		model.addAttribute("identifyForm", IdentifyForm.empty());
		model.addAttribute("expired", expired != null);
		return VIEW_IDENTIFY;
	}

	@PostMapping
	String processIdentify(@Valid @ModelAttribute("identifyForm") IdentifyForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("expired", false);
		if (result.hasErrors()) {
			return VIEW_IDENTIFY;
		}
		Identification identified = service.identify(form.userId(), form.altcha(), request.getRemoteAddr());
		return switch (identified.result().status()) {
			case OK -> {
				FlowStore.start(request, identified.flow());
				yield due(identified.flow());
			}
			case THROTTLED -> {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				yield VIEW_TRY_LATER;
			}
			case FIELD_ERROR -> {
				result.rejectValue(identified.result().field(), identified.result().messageKey());
				yield VIEW_IDENTIFY;
			}
		};
	}

	@GetMapping("/contact-admin")
	@ResetStep(Step.CONTACT_ADMIN)
	String showContactAdmin(ResetFlow flow, Model model) {
		// the reason only when the tenant opted in, and never "no such account" (S-01).
		model.addAttribute("reason", flow.policy().showRefusalReason()
				? flow.refusal().filter(r -> r.mayBeShown()).map(r -> "reset.refused.reason." + r.name()).orElse(null)
				: null);
		return VIEW_CONTACT_ADMIN;
	}

	@GetMapping("/elsewhere")
	@ResetStep(Step.ELSEWHERE)
	String showElsewhere(ResetFlow flow, Model model) {
		model.addAttribute("elsewhere", flow.elsewhere().orElseThrow());
		return VIEW_ELSEWHERE;
	}

	@GetMapping("/try-later")
	@ResetStep(Step.TRY_LATER)
	String showTryLater(ResetFlow flow) {
		return VIEW_TRY_LATER;
	}

	@GetMapping("/method")
	@ResetStep(Step.METHOD)
	String initMethod(ResetFlow flow, Model model) {
		WrongEntry.show(model, new MethodForm(null));
		model.addAttribute("options", flow.remainingOptions());
		model.addAttribute("required", flow.required());
		model.addAttribute("provenCount", flow.proven().size());
		return VIEW_METHOD;
	}

	@PostMapping("/method")
	@ResetStep(Step.METHOD)
	String processMethod(@Valid @ModelAttribute("methodForm") MethodForm form, BindingResult result, ResetFlow flow,
			RedirectAttributes flash) {
		if (!result.hasErrors() && accepted(result, service.chooseMethod(flow, form.method()))) {
			return due(flow);
		}
		return WrongEntry.retry(Step.METHOD, result, new MethodForm(null), flash);
	}

	@GetMapping("/verify")
	@ResetStep({ Step.CONFIRM_DESTINATION, Step.ENTER_CODE, Step.ENTER_APP_CODE, Step.ANSWER_QUESTIONS,
			Step.AWAIT_APPROVAL, Step.USE_PASSKEY, Step.AWAIT_CALL })
	String initVerify(ResetFlow flow, HttpServletResponse response, Model model) {
		if (model.asMap().remove(THROTTLED) != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return VIEW_TRY_LATER;
		}
		ResetFlow.Challenge challenge = flow.challenge();
		WrongEntry.show(model, new DestinationForm(""), new CodeForm(""),
				new AnswersForm(Collections.nCopies(challenge.questions().size(), "")));
		model.addAttribute("challenge", challenge);
		model.addAttribute("option", flow.option(challenge.method()).orElse(null));
		model.addAttribute("required", flow.required());
		model.addAttribute("provenCount", flow.proven().size());
		model.addAttribute("deliveryFailed", service.deliveryFailed(flow));
		model.addAttribute("relyingParty", passkeys.relyingParty());
		return VIEW_VERIFY;
	}

	@PostMapping("/verify/destination")
	@ResetStep(Step.CONFIRM_DESTINATION)
	String processDestination(@Valid @ModelAttribute("destinationForm") DestinationForm form, BindingResult result,
			ResetFlow flow, HttpServletRequest request, Locale locale, RedirectAttributes flash) {
		if (!result.hasErrors()
				&& accepted(result, service.confirmDestination(flow, form.destination(), locale, request.getRemoteAddr()))) {
			return due(flow);
		}
		// Not echoed: the page shows only the masked destination it showed before.
		return WrongEntry.retry(Step.CONFIRM_DESTINATION, result, new DestinationForm(""), flash);
	}

	@PostMapping("/verify/code")
	@ResetStep({ Step.ENTER_CODE, Step.ENTER_APP_CODE })
	String processCode(@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result, ResetFlow flow,
			HttpServletRequest request, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			String next = settle(service.verifyCode(flow, form.code(), request.getRemoteAddr()), result, flow, flash);
			if (next != null) {
				return next;
			}
		}
		return WrongEntry.retry(Step.ENTER_CODE, result, new CodeForm(""), flash);
	}

	@PostMapping("/verify/answers")
	@ResetStep(Step.ANSWER_QUESTIONS)
	String processAnswers(@ModelAttribute("answersForm") AnswersForm posted, ResetFlow flow, HttpServletRequest request,
			RedirectAttributes flash) {
		int asked = flow.challenge().questions().size();
		// A tampered form may carry fewer or more answers than were asked; each is told on the page's own.
		AnswersForm form = posted.sized(asked);
		BindingResult result = new BeanPropertyBindingResult(form, "answersForm");
		form.validate(result);
		if (!result.hasErrors()) {
			String next = settle(service.verifyAnswers(flow, form.answers(), request.getRemoteAddr()), result, flow, flash);
			if (next != null) {
				return next;
			}
		}
		// S-31: the same questions again, and no answer echoed back.
		return WrongEntry.retry(Step.ANSWER_QUESTIONS, result, new AnswersForm(Collections.nCopies(asked, "")), flash);
	}

	@PostMapping("/verify/notification")
	@ResetStep({ Step.AWAIT_APPROVAL, Step.AWAIT_CALL })
	String processNotification(ResetFlow flow, HttpServletRequest request, RedirectAttributes flash) {
		ActionResult outcome = service.verifyNotification(flow, request.getRemoteAddr());
		if (outcome.status() != ActionResult.Status.FIELD_ERROR) {
			return settle(outcome, null, flow, flash);
		}
		flash.addFlashAttribute("approvalError", outcome.messageKey());
		return VERIFY_PAGE;
	}

	/** A passkey's answer; one the device never gave (no script, cancelled) is told, not counted. */
	@PostMapping("/verify/passkey")
	@ResetStep(Step.USE_PASSKEY)
	String processPasskey(@Valid @ModelAttribute("passkeyForm") AssertionForm form, BindingResult result, ResetFlow flow,
			HttpServletRequest request, RedirectAttributes flash) {
		if (result.hasErrors()) {
			flash.addFlashAttribute("passkeyError", "reset.verify.passkey.noAnswer");
			return VERIFY_PAGE;
		}
		ActionResult outcome = service.verifyPasskey(flow, form.assertion(), request.getRemoteAddr());
		if (outcome.status() != ActionResult.Status.FIELD_ERROR) {
			return settle(outcome, null, flow, flash);
		}
		flash.addFlashAttribute("passkeyError", outcome.messageKey());
		return VERIFY_PAGE;
	}

	@PostMapping("/verify/resend")
	@ResetStep({ Step.ENTER_CODE, Step.AWAIT_APPROVAL, Step.AWAIT_CALL })
	String processResend(ResetFlow flow, HttpServletRequest request, Locale locale) {
		service.resend(flow, locale, request.getRemoteAddr());
		return VERIFY_PAGE + "?resent";
	}

	@PostMapping("/verify/cancel")
	@ResetStep({ Step.CONFIRM_DESTINATION, Step.ENTER_CODE, Step.ENTER_APP_CODE, Step.ANSWER_QUESTIONS,
			Step.AWAIT_APPROVAL, Step.USE_PASSKEY, Step.AWAIT_CALL })
	String processCancel(ResetFlow flow) {
		service.cancelChallenge(flow);
		return due(flow);
	}

	@GetMapping("/password")
	@ResetStep(Step.PASSWORD)
	String initPassword(ResetFlow flow, Model model) {
		service.resume(flow);
		if (flow.completed()) {
			return due(flow);
		}
		WrongEntry.show(model, new PasswordForm("", ""));
		model.addAttribute("mayUnlockOnly", flow.mayUnlockOnly());
		model.addAttribute("minLength", dev.sspr.policy.PasswordPolicy.MIN_LENGTH);
		return VIEW_PASSWORD;
	}

	@PostMapping(path = "/password", params = "!unlockOnly")
	@ResetStep(Step.PASSWORD)
	String processPassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			ResetFlow flow, HttpServletRequest request, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			List<PasswordViolation> violations = service.resetPassword(flow, form.newPassword(),
					form.confirmPassword() == null ? "" : form.confirmPassword(), request.getRemoteAddr());
			if (violations.isEmpty()) {
				return due(flow);
			}
			for (PasswordViolation violation : violations) {
				String field = violation.messageKey().equals("password.rule.mismatch") ? "confirmPassword" : "newPassword";
				result.rejectValue(field, violation.messageKey(), violation.argumentArray(), null);
			}
		}
		// A password is never kept, nor sent back to the browser.
		return WrongEntry.retry(Step.PASSWORD, result, new PasswordForm("", ""), flash);
	}

	@PostMapping(path = "/password", params = "unlockOnly")
	@ResetStep(Step.PASSWORD)
	String processUnlockOnly(ResetFlow flow, HttpServletRequest request, RedirectAttributes flash) {
		ActionResult outcome = service.unlockOnly(flow, request.getRemoteAddr());
		if (outcome.status() == ActionResult.Status.FIELD_ERROR) {
			flash.addFlashAttribute("unlockError", outcome.messageKey());
		}
		return due(flow);
	}

	@GetMapping("/done")
	@ResetStep(Step.DONE)
	String showDone(ResetFlow flow, Model model) {
		model.addAttribute("outcome", flow.outcome());
		return VIEW_DONE;
	}

	/**
	 * The addresses that only take a post answer a GET (a reload, the back button, a bookmark) with
	 * the step that is due, rather than a 405 page while the flow is alive.
	 */
	@GetMapping({ "/verify/destination", "/verify/code", "/verify/answers", "/verify/notification", "/verify/passkey",
			"/verify/resend", "/verify/cancel" })
	String showDueStep(HttpServletRequest request) {
		return due(FlowStore.current(request));
	}

	/** The step due after an action. */
	private String due(ResetFlow flow) {
		return StepNavigator.redirectToDue(flow, clock.instant());
	}

	/** True when the action went through; otherwise its message is put beside its field. */
	private static boolean accepted(BindingResult result, ActionResult outcome) {
		if (outcome.status() == ActionResult.Status.FIELD_ERROR) {
			result.rejectValue(outcome.field(), outcome.messageKey(), outcome.arguments(), null);
			return false;
		}
		return true;
	}

	/** A proof's outcome: the due step, the try-later page after a redirect, or null to show the message. */
	private String settle(ActionResult outcome, BindingResult result, ResetFlow flow, RedirectAttributes flash) {
		return switch (outcome.status()) {
			case OK -> due(flow);
			case THROTTLED -> {
				// Told on the verify page's GET, so that reload and back do not post again either.
				flash.addFlashAttribute(THROTTLED, Boolean.TRUE);
				yield VERIFY_PAGE;
			}
			case FIELD_ERROR -> {
				result.rejectValue(outcome.field().equals("answers") ? null : outcome.field(), outcome.messageKey(),
						outcome.arguments(), null);
				yield null;
			}
		};
	}
}
