package dev.sspr.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The wizard's plumbing, once for every handler: the step check of {@link ResetStep} (a request for
 * a step that is not due goes to the one that is), the flow as a handler argument, and the flow
 * saved after the handler so that a session kept outside the JVM sees every change.
 */
final class ResetStepInterceptor implements HandlerInterceptor, HandlerMethodArgumentResolver {

	private static final String FLOW = ResetStepInterceptor.class.getName() + ".flow";

	private final Clock clock;

	ResetStepInterceptor(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		ResetStep steps = handler instanceof HandlerMethod method ? method.getMethodAnnotation(ResetStep.class) : null;
		if (steps == null) {
			return true;
		}
		ResetFlow flow = FlowStore.current(request);
		if (!List.of(steps.value()).contains(StepNavigator.next(flow, clock.instant()))) {
			String due = StepNavigator.redirectToDue(flow, clock.instant()).substring("redirect:".length());
			response.sendRedirect(request.getContextPath() + due);
			return false;
		}
		request.setAttribute(FLOW, flow);
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (request.getAttribute(FLOW) instanceof ResetFlow flow) {
			FlowStore.save(request, flow);
		}
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ResetFlow.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		if (parameter.getMethodAnnotation(ResetStep.class) == null) {
			throw new IllegalStateException("A ResetFlow argument needs @ResetStep on " + parameter.getMethod());
		}
		return request.getAttribute(FLOW, NativeWebRequest.SCOPE_REQUEST);
	}
}
