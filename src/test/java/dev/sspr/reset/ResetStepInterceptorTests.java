package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.TestClock;
import dev.sspr.policy.MethodKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The wizard's plumbing on its own (no Spring context, no database): a handler runs only for the
 * steps its {@link ResetStep} names, gets the session's flow, and leaves the flow saved.
 */
class ResetStepInterceptorTests {

	final TestClock clock = new TestClock();

	@Controller
	class Probe {

		@GetMapping("/reset/method")
		@ResetStep(Step.METHOD)
		@ResponseBody
		String method(ResetFlow flow) {
			return "method page for " + flow.subject();
		}

		@PostMapping("/reset/method")
		@ResetStep(Step.METHOD)
		String choose(ResetFlow flow) {
			flow.startChallenge(new ResetFlow.Challenge(MethodKind.EMAIL, Step.CONFIRM_DESTINATION, List.of()));
			return StepNavigator.redirectToDue(flow, clock.instant());
		}
	}

	MockMvc mvc() {
		ResetStepInterceptor steps = new ResetStepInterceptor(clock);
		return MockMvcBuilders.standaloneSetup(new Probe()).addInterceptors(steps).setCustomArgumentResolvers(steps)
				.build();
	}

	MockHttpSession sessionWith(ResetFlow flow) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(FlowStore.ATTRIBUTE, flow);
		return session;
	}

	ResetFlow freshFlow() {
		return StepNavigatorTests.flow(1, null, clock.instant().plus(ResetService.FLOW_LIFETIME));
	}

	@Test
	void whenTheStepIsDueThenTheHandlerGetsTheFlow() throws Exception {
		MvcResult result = mvc().perform(get("/reset/method").session(sessionWith(freshFlow()))).andReturn();
		assertThat(result.getResponse().getContentAsString()).isEqualTo("method page for u@contoso.example");
	}

	@Test
	void whenThereIsNoFlowThenTheStartPageInsteadAndTheHandlerDoesNotRun() throws Exception {
		MvcResult result = mvc().perform(get("/reset/method")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reset");
	}

	@Test
	void whenAnotherStepIsDueThenThatStep() throws Exception {
		ResetFlow verifying = freshFlow();
		verifying.startChallenge(new ResetFlow.Challenge(MethodKind.EMAIL, Step.ENTER_CODE, List.of()));
		MvcResult result = mvc().perform(get("/reset/method").session(sessionWith(verifying))).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
	}

	@Test
	void whenTheFlowRanOutThenTheStartPageSaysSo() throws Exception {
		MockHttpSession session = sessionWith(freshFlow());
		clock.advance(ResetService.FLOW_LIFETIME.plus(Duration.ofSeconds(1)));
		MvcResult result = mvc().perform(get("/reset/method").session(session)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reset?expired");
	}

	@Test
	void whenTheHandlerChangedTheFlowThenItIsSaved() throws Exception {
		MockHttpSession session = sessionWith(freshFlow());
		MvcResult result = mvc().perform(post("/reset/method").session(session)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reset/verify");
		ResetFlow saved = (ResetFlow) session.getAttribute(FlowStore.ATTRIBUTE);
		assertThat(saved.challenge().step()).isEqualTo(Step.CONFIRM_DESTINATION);
	}
}
