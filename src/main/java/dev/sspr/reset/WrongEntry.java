package dev.sspr.reset;

import java.io.Serializable;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post/redirect/get for a wrong entry: its messages go to the step's page in the flash map (kept in
 * the session until that page is shown), bound to an empty form, so that nothing typed (no
 * password, code, answer or destination) is kept or echoed, and reload or back never posts again.
 */
final class WrongEntry {

	/** The flash attribute holding a wrong entry's messages; not a form's name, which a post would bind to. */
	static final String RETRY = "retry";

	private WrongEntry() {
	}

	/** Sends the messages of {@code typed} to the step's page, with an empty form of the same name. */
	static String retry(Step step, BindingResult typed, Serializable emptyForm, RedirectAttributes flash) {
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

	/**
	 * On the step's page: the messages of the wrong entry just posted, if any, with their empty form;
	 * otherwise the page's own empty forms.
	 */
	static void show(Model model, Object... emptyForms) {
		if (model.asMap().remove(RETRY) instanceof BindingResult errors) {
			model.addAttribute(errors.getObjectName(), errors.getTarget());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), errors);
		}
		for (Object form : emptyForms) {
			if (!model.containsAttribute(org.springframework.core.Conventions.getVariableName(form))) {
				model.addAttribute(form);
			}
		}
	}
}
