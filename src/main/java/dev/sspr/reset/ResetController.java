package dev.sspr.reset;

import dev.sspr.delivery.Outbox;
import dev.sspr.directory.TenantInfo;
import dev.sspr.captcha.CaptchaVerifier;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PasswordViolation;
import dev.sspr.reset.ResetFlow.Stage;
import dev.sspr.reset.ResetForms.AnswersForm;
import dev.sspr.reset.ResetForms.CodeForm;
import dev.sspr.reset.ResetForms.DestinationForm;
import dev.sspr.reset.ResetForms.IdentifyForm;
import dev.sspr.reset.ResetForms.MethodForm;
import dev.sspr.reset.ResetForms.PasswordForm;
import dev.sspr.input.PlainTextValidator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
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
 * button never post again. Each handler asks the {@link StepNavigator} which step is due and
 * redirects there when it is not its own.
 */
@Controller
@RequestMapping("/reset")
class ResetController {

	static final String VIEW_IDENTIFY = "reset/identify";
	static final String VIEW_CONTACT_ADMIN = "reset/contact-admin";
	static final String VIEW_TRY_LATER = "reset/try-later";
	static final String VIEW_METHOD = "reset/method";
	static final String VIEW_VERIFY = "reset/verify";
	static final String VIEW_PASSWORD = "reset/password";
	static final String VIEW_DONE = "reset/done";
	static final int MAX_ANSWER_LENGTH = 200;
	/** The flash attribute holding a wrong entry's messages; not a form's name, which a post would bind to. */
	static final String RETRY = "retry";
	/** The flash attribute saying a proof just posted was refused by the per-address try limit. */
	static final String THROTTLED = "throttled";

	private final ResetService service;
	private final CaptchaVerifier captcha;
	private final Clock clock;
	private final Outbox outbox;

	ResetController(ResetService service, CaptchaVerifier captcha, Clock clock, Outbox outbox) {
		this.service = service;
		this.captcha = captcha;
		this.clock = clock;
		this.outbox = outbox;
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

	// ---- identify -------------------------------------------------------------------------

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
		if (!captcha.verify(form.altcha())) {
			result.rejectValue("altcha", "reset.identify.captcha.failed");
			return VIEW_IDENTIFY;
		}
		String client = request.getRemoteAddr();
		if (!service.admitLookup(form.userId(), client)) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return VIEW_TRY_LATER;
		}
		ResetFlow flow = service.identify(form.userId(), client);
		FlowStore.start(request, flow);
		return nextPage(flow);
	}

	// ---- contact your administrator / try later -------------------------------------------

	@GetMapping("/contact-admin")
	String showContactAdmin(HttpServletRequest request, Model model) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.CONTACT_ADMIN);
		if (redirect != null) {
			return redirect;
		}
		model.addAttribute("tenant", flow.tenant().orElse(null));
		// the reason only when the tenant opted in, and never "no such account" (S-01).
		model.addAttribute("reason", flow.policy().showRefusalReason()
				? flow.refusal().filter(r -> r.mayBeShown()).map(r -> "reset.refused.reason." + r.name()).orElse(null)
				: null);
		return VIEW_CONTACT_ADMIN;
	}

	@GetMapping("/try-later")
	String showTryLater(HttpServletRequest request, Model model) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.TRY_LATER);
		if (redirect != null) {
			return redirect;
		}
		model.addAttribute("tenant", flow.tenant().orElse(null));
		return VIEW_TRY_LATER;
	}

	// ---- choose a method ------------------------------------------------------------------

	@GetMapping("/method")
	String initMethod(HttpServletRequest request, Model model) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.METHOD);
		if (redirect != null) {
			return redirect;
		}
		showRetry(model);
		if (!model.containsAttribute("methodForm")) {
			model.addAttribute("methodForm", new MethodForm(null));
		}
		return methodPage(flow, model);
	}

	@PostMapping("/method")
	String processMethod(@Valid @ModelAttribute("methodForm") MethodForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.METHOD);
		if (redirect != null) {
			return redirect;
		}
		if (!result.hasErrors()) {
			MethodKind kind = parseMethod(form.method());
			ActionResult outcome = kind == null ? ActionResult.fieldError("method", "reset.method.error.choose")
					: service.chooseMethod(flow, kind);
			if (outcome.status() == ActionResult.Status.OK) {
				FlowStore.save(request, flow);
				return nextPage(flow);
			}
			result.rejectValue(outcome.field(), outcome.messageKey());
		}
		return retry(Step.METHOD, result, new MethodForm(null), flash);
	}

	private String methodPage(ResetFlow flow, Model model) {
		model.addAttribute("options", flow.remainingOptions());
		model.addAttribute("required", flow.required());
		model.addAttribute("provenCount", flow.proven().size());
		return VIEW_METHOD;
	}

	// ---- verify ---------------------------------------------------------------------------

	@GetMapping("/verify")
	String initVerify(HttpServletRequest request, HttpServletResponse response, Model model) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.VERIFY);
		if (redirect != null) {
			return redirect;
		}
		if (model.asMap().remove(THROTTLED) != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return VIEW_TRY_LATER;
		}
		showRetry(model);
		return verifyPage(flow, model);
	}

	@PostMapping("/verify/destination")
	String processDestination(@Valid @ModelAttribute("destinationForm") DestinationForm form, BindingResult result,
			HttpServletRequest request, Locale locale, RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnlessStage(flow, Stage.CONFIRM_DESTINATION);
		if (redirect != null) {
			return redirect;
		}
		if (!result.hasErrors()) {
			ActionResult outcome = service.confirmDestination(flow, form.destination(), locale, request.getRemoteAddr());
			FlowStore.save(request, flow);
			if (outcome.status() == ActionResult.Status.OK) {
				return nextPage(flow);
			}
			result.rejectValue(outcome.field(), outcome.messageKey(), outcome.arguments(), null);
		}
		// Not echoed: the page shows only the masked destination it showed before.
		return retry(Step.VERIFY, result, new DestinationForm(""), flash);
	}

	@PostMapping("/verify/code")
	String processCode(@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.VERIFY);
		if (redirect == null && flow.challenge().stage() != Stage.ENTER_CODE
				&& flow.challenge().stage() != Stage.ENTER_APP_CODE) {
			redirect = Step.VERIFY.redirect();
		}
		if (redirect != null) {
			return redirect;
		}
		if (!result.hasErrors()) {
			ActionResult outcome = service.verifyCode(flow, form.code(), request.getRemoteAddr());
			FlowStore.save(request, flow);
			String next = settle(outcome, result, flow, flash);
			if (next != null) {
				return next;
			}
		}
		return retry(Step.VERIFY, result, new CodeForm(""), flash);
	}

	@PostMapping("/verify/answers")
	String processAnswers(@ModelAttribute("answersForm") AnswersForm posted, HttpServletRequest request,
			RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnlessStage(flow, Stage.ANSWER_QUESTIONS);
		if (redirect != null) {
			return redirect;
		}
		int asked = flow.challenge().questions().size();
		// A tampered form may carry fewer or more answers than were asked; each is told on the page's own.
		AnswersForm form = posted.sized(asked);
		BindingResult result = new BeanPropertyBindingResult(form, "answersForm");
		List<String> answers = form.answers();
		for (int i = 0; i < asked; i++) {
			String answer = answers.get(i);
			String field = "answers[" + i + "]";
			if (answer.isBlank()) {
				result.rejectValue(field, "reset.verify.questions.required");
			}
			else if (answer.length() > MAX_ANSWER_LENGTH) {
				result.rejectValue(field, "input.tooLong");
			}
			else if (!PlainTextValidator.isPlain(answer)) {
				result.rejectValue(field, "input.plainText");
			}
		}
		if (!result.hasErrors()) {
			ActionResult outcome = service.verifyAnswers(flow, answers, request.getRemoteAddr());
			FlowStore.save(request, flow);
			String next = settle(outcome, result, flow, flash);
			if (next != null) {
				return next;
			}
		}
		// S-31: the same questions again, and no answer echoed back.
		return retry(Step.VERIFY, result, new AnswersForm(Collections.nCopies(asked, "")), flash);
	}

	@PostMapping("/verify/notification")
	String processNotification(HttpServletRequest request, RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnlessStage(flow, Stage.AWAIT_APPROVAL, Stage.AWAIT_CALL);
		if (redirect != null) {
			return redirect;
		}
		ActionResult outcome = service.verifyNotification(flow, request.getRemoteAddr());
		FlowStore.save(request, flow);
		if (outcome.status() != ActionResult.Status.FIELD_ERROR) {
			return settle(outcome, null, flow, flash);
		}
		flash.addFlashAttribute("approvalError", outcome.messageKey());
		return Step.VERIFY.redirect();
	}

	@PostMapping("/verify/resend")
	String processResend(HttpServletRequest request, Locale locale) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnlessStage(flow, Stage.ENTER_CODE, Stage.AWAIT_APPROVAL, Stage.AWAIT_CALL);
		if (redirect != null) {
			return redirect;
		}
		service.resend(flow, locale, request.getRemoteAddr());
		FlowStore.save(request, flow);
		return Step.VERIFY.redirect() + "?resent";
	}

	@PostMapping("/verify/cancel")
	String processCancel(HttpServletRequest request) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.VERIFY);
		if (redirect != null) {
			return redirect;
		}
		service.cancelChallenge(flow);
		FlowStore.save(request, flow);
		return nextPage(flow);
	}

	private String settle(ActionResult outcome, BindingResult result, ResetFlow flow, RedirectAttributes flash) {
		return switch (outcome.status()) {
			case OK -> nextPage(flow);
			case THROTTLED -> {
				// Told on the verify page's GET, so that reload and back do not post again either.
				flash.addFlashAttribute(THROTTLED, Boolean.TRUE);
				yield Step.VERIFY.redirect();
			}
			case FIELD_ERROR -> {
				result.rejectValue(outcome.field().equals("answers") ? null : outcome.field(), outcome.messageKey(),
						outcome.arguments(), null);
				yield null;
			}
		};
	}

	private String verifyPage(ResetFlow flow, Model model) {
		ResetFlow.Challenge challenge = flow.challenge();
		model.addAttribute("challenge", challenge);
		model.addAttribute("option", flow.option(challenge.method()).orElse(null));
		model.addAttribute("required", flow.required());
		model.addAttribute("provenCount", flow.proven().size());
		// The code was queued, and the user was told so; if delivery has since given up, say that too.
		model.addAttribute("deliveryFailed", outbox.statusOf(flow.id()).filter(s -> s == Outbox.Status.FAILED).isPresent());
		if (!model.containsAttribute("destinationForm")) {
			model.addAttribute("destinationForm", new DestinationForm(""));
		}
		if (!model.containsAttribute("codeForm")) {
			model.addAttribute("codeForm", new CodeForm(""));
		}
		if (!model.containsAttribute("answersForm")) {
			model.addAttribute("answersForm", new AnswersForm(Collections.nCopies(challenge.questions().size(), "")));
		}
		return VIEW_VERIFY;
	}

	// ---- new password ---------------------------------------------------------------------

	@GetMapping("/password")
	String initPassword(HttpServletRequest request, Model model) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.PASSWORD);
		if (redirect != null) {
			return redirect;
		}
		showRetry(model);
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordForm("", ""));
		}
		return passwordPage(flow, model);
	}

	@PostMapping(path = "/password", params = "!unlockOnly")
	String processPassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.PASSWORD);
		if (redirect != null) {
			return redirect;
		}
		if (!result.hasErrors()) {
			List<PasswordViolation> violations = service.resetPassword(flow, form.newPassword(),
					form.confirmPassword() == null ? "" : form.confirmPassword(), request.getRemoteAddr());
			FlowStore.save(request, flow);
			if (violations.isEmpty()) {
				return nextPage(flow);
			}
			for (PasswordViolation violation : violations) {
				String field = violation.messageKey().equals("password.rule.mismatch") ? "confirmPassword" : "newPassword";
				result.rejectValue(field, violation.messageKey(), violation.argumentArray(), null);
			}
		}
		// A password is never kept, nor sent back to the browser.
		return retry(Step.PASSWORD, result, new PasswordForm("", ""), flash);
	}

	@PostMapping(path = "/password", params = "unlockOnly")
	String processUnlockOnly(HttpServletRequest request, RedirectAttributes flash) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.PASSWORD);
		if (redirect != null) {
			return redirect;
		}
		Optional<String> error = service.unlockOnly(flow, request.getRemoteAddr());
		FlowStore.save(request, flow);
		if (flow.completed() || error.isEmpty()) {
			return nextPage(flow);
		}
		flash.addFlashAttribute("unlockError", error.get());
		return Step.PASSWORD.redirect();
	}

	private String passwordPage(ResetFlow flow, Model model) {
		model.addAttribute("mayUnlockOnly", flow.mayUnlockOnly());
		model.addAttribute("minLength", dev.sspr.policy.PasswordPolicy.MIN_LENGTH);
		return VIEW_PASSWORD;
	}

	// ---- done -----------------------------------------------------------------------------

	@GetMapping("/done")
	String showDone(HttpServletRequest request, Model model) {
		ResetFlow flow = FlowStore.current(request);
		String redirect = redirectUnless(flow, Step.DONE);
		if (redirect != null) {
			return redirect;
		}
		model.addAttribute("outcome", flow.outcome());
		return VIEW_DONE;
	}

	// ---- navigation -----------------------------------------------------------------------

	/**
	 * The addresses that only take a post answer a GET (a reload, the back button, a bookmark) with
	 * the step that is due, rather than a 405 page while the flow is alive.
	 */
	@GetMapping({ "/verify/destination", "/verify/code", "/verify/answers", "/verify/notification", "/verify/resend",
			"/verify/cancel" })
	String showDueStep(HttpServletRequest request) {
		return nextPage(FlowStore.current(request));
	}

	/**
	 * Post/redirect/get for a wrong entry: the messages go to the step's page in the flash map (kept
	 * in the session until that page is shown, see {@link #showRetry}), bound to an empty form, so
	 * that nothing typed (no password, code, answer or destination) is kept or echoed.
	 */
	private static String retry(Step step, BindingResult typed, Serializable emptyForm, RedirectAttributes flash) {
		String name = typed.getObjectName();
		BindingResult errors = new BeanPropertyBindingResult(emptyForm, name);
		for (ObjectError error : typed.getGlobalErrors()) {
			errors.addError(new ObjectError(name, error.getCodes(), error.getArguments(), error.getDefaultMessage()));
		}
		for (FieldError error : typed.getFieldErrors()) {
			errors.addError(new FieldError(name, error.getField(), null, false, error.getCodes(), error.getArguments(),
					error.getDefaultMessage()));
		}
		flash.addFlashAttribute(RETRY, errors);
		return step.redirect();
	}

	/** On the step's page: the messages of the wrong entry just posted, if any, with their empty form. */
	private static void showRetry(Model model) {
		if (model.asMap().remove(RETRY) instanceof BindingResult errors) {
			model.addAttribute(errors.getObjectName(), errors.getTarget());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), errors);
		}
	}

	/** Where to go after an action: the due step, with a word of explanation when the flow ran out. */
	private String nextPage(ResetFlow flow) {
		Step due = StepNavigator.next(flow, clock.instant());
		return due == Step.IDENTIFY && flow != null ? Step.IDENTIFY.redirect() + "?expired" : due.redirect();
	}

	/** Null when {@code expected} is the step due; otherwise where to go instead. */
	private String redirectUnless(ResetFlow flow, Step expected) {
		return StepNavigator.next(flow, clock.instant()) == expected ? null : nextPage(flow);
	}

	/** Null when the flow is verifying and its challenge is at one of these stages; else where to go. */
	private String redirectUnlessStage(ResetFlow flow, Stage... stages) {
		String redirect = redirectUnless(flow, Step.VERIFY);
		if (redirect == null && !List.of(stages).contains(flow.challenge().stage())) {
			return Step.VERIFY.redirect();
		}
		return redirect;
	}

	private static MethodKind parseMethod(String key) {
		try {
			return MethodKind.fromKey(key);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
