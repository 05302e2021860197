package dev.sspr.registration;

import dev.sspr.input.IndexedFields;
import dev.sspr.policy.CustomQuestion;
import dev.sspr.policy.TenantPolicies;
import dev.sspr.verification.PredefinedQuestions;
import dev.sspr.verification.SecurityQuestions;
import dev.sspr.verification.SecurityQuestions.NewAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Registering security questions: the tenant's number of questions, picked from the 35
 * predefined ones (localized) and the tenant's own (as entered). Answers are stored only as hashes;
 * the form never shows them again.
 */
@Controller
class QuestionsController {

	static final String VIEW = "registration/questions";
	static final String CUSTOM_PREFIX = "c:";

	/** The form: question keys ({@code q07} or {@code c:12}) and answers, by position. */
	record QuestionsForm(List<String> questions, List<String> answers) {

		QuestionsForm {
			questions = questions == null ? List.of() : questions;
			answers = answers == null ? List.of() : answers;
		}

		/** Exactly {@code size} questions and answers, whatever was posted: missing ones blank. */
		QuestionsForm sized(int size) {
			return new QuestionsForm(IndexedFields.sized(questions, size), IndexedFields.sized(answers, size));
		}

		@Override
		public String toString() {
			return "QuestionsForm[" + questions + ", " + answers.size() + " answers]";
		}
	}

	/** One choice in the question lists: a message key to localize, or a custom text shown as entered. */
	record Choice(String value, String messageKey, String text) {
	}

	private final TenantPolicies policies;
	private final SecurityQuestions questions;
	private final ApplicationEventPublisher events;

	QuestionsController(TenantPolicies policies, SecurityQuestions questions, ApplicationEventPublisher events) {
		this.policies = policies;
		this.questions = questions;
		this.events = events;
	}

	@GetMapping("/security-info/questions")
	@RecentPassword(kind = "questions", onlyToReplace = true)
	String initQuestions(@AuthenticationPrincipal SignedInUser user, Model model) {
		int required = policies.policyOf(user.tenantId()).questionsToRegister();
		model.addAttribute("questionsForm",
				new QuestionsForm(Collections.nCopies(required, ""), Collections.nCopies(required, "")));
		return page(user, required, model);
	}

	@PostMapping("/security-info/questions")
	@RecentPassword(kind = "questions", onlyToReplace = true)
	String processQuestions(@AuthenticationPrincipal SignedInUser user,
			@ModelAttribute("questionsForm") QuestionsForm posted, Model model) {
		int required = policies.policyOf(user.tenantId()).questionsToRegister();
		// A tampered form may carry fewer or more fields than the page has; errors are told on the page's own.
		QuestionsForm form = posted.sized(required);
		BindingResult result = new BeanPropertyBindingResult(form, "questionsForm");
		model.addAttribute("questionsForm", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "questionsForm", result);
		List<CustomQuestion> custom = policies.customQuestions(user.tenantId());
		List<QuestionRules.Problem> problems = QuestionRules.check(form.questions(), form.answers(), offered(custom),
				required);
		if (!problems.isEmpty()) {
			for (QuestionRules.Problem problem : problems) {
				result.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), null);
			}
			events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.REGISTRATION_REFUSED, user.tenantId(),
					user.userId(), "SECURITY_QUESTIONS", false, problems.get(0).messageKey()));
			return page(user, required, model);
		}
		List<NewAnswer> answers = new ArrayList<>();
		for (int i = 0; i < required; i++) {
			String key = form.questions().get(i);
			answers.add(key.startsWith(CUSTOM_PREFIX)
					? new NewAnswer(null, Long.parseLong(key.substring(CUSTOM_PREFIX.length())), form.answers().get(i))
					: new NewAnswer(key, null, form.answers().get(i)));
		}
		questions.register(user.userPk(), answers);
		events.publishEvent(new RegistrationActivity(RegistrationActivity.Kind.METHOD_REGISTERED, user.tenantId(),
				user.userId(), "SECURITY_QUESTIONS", true, null));
		return "redirect:/security-info?saved";
	}

	private String page(SignedInUser user, int required, Model model) {
		List<Choice> choices = new ArrayList<>();
		PredefinedQuestions.KEYS.forEach(key -> choices.add(new Choice(key, PredefinedQuestions.messageKey(key), null)));
		policies.customQuestions(user.tenantId())
				.forEach(q -> choices.add(new Choice(CUSTOM_PREFIX + q.id(), null, q.text())));
		model.addAttribute("choices", choices);
		model.addAttribute("required", required);
		return VIEW;
	}

	/** The only question keys this tenant's users may pick: another tenant's custom ids are not among them. */
	private static Set<String> offered(List<CustomQuestion> custom) {
		Set<String> offered = new LinkedHashSet<>(PredefinedQuestions.KEYS);
		custom.forEach(q -> offered.add(CUSTOM_PREFIX + q.id()));
		return offered;
	}
}
