package dev.sspr.reset;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.DemoUsers;
import dev.sspr.TestCaptcha;
import dev.sspr.delivery.DevOutbox;
import dev.sspr.verification.AskedQuestion;
import dev.sspr.verification.Totp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Walks the wizard through MockMvc like a browser would: one session, CSRF tokens, the captcha. */
final class MockJourney {

	/** Eight digits, or eight digits read out one by one as a voice script does. */
	private static final Pattern CODE = Pattern.compile("\\b((?:\\d ?){7}\\d)\\b");

	private final MockMvc mvc;
	private final DevOutbox outbox;
	private final String address;
	private final String language;
	private MockHttpSession session;

	MockJourney(MockMvc mvc, DevOutbox outbox, String address, String language) {
		this.mvc = mvc;
		this.outbox = outbox;
		this.address = address;
		this.language = language;
	}

	/** The client address every request of this journey comes from. */
	String address() {
		return address;
	}

	MockHttpSession session() {
		return session;
	}

	/**
	 * Another tab of the same flow as a shared session store would hand it to a second request: a
	 * serialized copy of the flow, which this journey's later changes do not reach.
	 */
	MockJourney twin() {
		MockJourney twin = new MockJourney(mvc, outbox, address, language);
		twin.session = new MockHttpSession();
		twin.session.setAttribute(FlowStore.ATTRIBUTE, org.springframework.util.SerializationUtils.clone(flow()));
		return twin;
	}

	ResetFlow flow() {
		return (ResetFlow) session.getAttribute(FlowStore.ATTRIBUTE);
	}

	String captcha() throws Exception {
		String json = mvc.perform(get("/captcha/challenge")).andReturn().getResponse().getContentAsString();
		return TestCaptcha.solve(json);
	}

	MvcResult identify(String userId) throws Exception {
		return identifyWith(userId, captcha());
	}

	/** Identification with a captcha solved beforehand, so that only the identification itself runs. */
	MvcResult identifyWith(String userId, String solvedCaptcha) throws Exception {
		MvcResult result = mvc.perform(post("/reset").with(csrf()).with(from()).param("userId", userId)
				.param("altcha", solvedCaptcha).header("Accept-Language", language)).andReturn();
		if (result.getRequest().getSession(false) instanceof MockHttpSession created) {
			session = created;
		}
		return result;
	}

	MvcResult getPage(String path) throws Exception {
		return mvc.perform(on(get(path))).andReturn();
	}

	/** The page a browser shows after this answer: the redirect's target (with its flash attributes), or the answer itself. */
	MvcResult follow(MvcResult result) throws Exception {
		String target = result.getResponse().getRedirectedUrl();
		return target == null ? result : getPage(target);
	}

	MvcResult postWithCsrf(String path) throws Exception {
		return mvc.perform(on(post(path)).with(csrf())).andReturn();
	}

	MvcResult postWithoutCsrf(String path) throws Exception {
		return mvc.perform(on(post(path))).andReturn();
	}

	MvcResult chooseMethod(String key) throws Exception {
		return mvc.perform(on(post("/reset/method")).with(csrf()).param("method", key)).andReturn();
	}

	MvcResult confirmDestination(String destination) throws Exception {
		return mvc.perform(on(post("/reset/verify/destination")).with(csrf()).param("destination", destination)).andReturn();
	}

	MvcResult enterCode(String code) throws Exception {
		return mvc.perform(on(post("/reset/verify/code")).with(csrf()).param("code", code)).andReturn();
	}

	/** The form passkey.js posts with the device's answer. */
	MvcResult usePasskey(dev.sspr.passkey.Ceremonies.Assertion answer) throws Exception {
		return mvc.perform(on(post("/reset/verify/passkey")).with(csrf()).param("credentialId", answer.credentialId())
				.param("authenticatorData", answer.authenticatorData()).param("clientDataJson", answer.clientDataJson())
				.param("signature", answer.signature())
				.param("userHandle", answer.userHandle() == null ? "" : answer.userHandle())).andReturn();
	}

	/** The challenge the verify page's passkey form carries now. */
	String passkeyChallenge() {
		return flow().challenge().passkey().challenge();
	}

	MvcResult resend() throws Exception {
		return mvc.perform(on(post("/reset/verify/resend")).with(csrf())).andReturn();
	}

	MvcResult answer(List<String> answers) throws Exception {
		MockHttpServletRequestBuilder request = on(post("/reset/verify/answers")).with(csrf());
		for (int i = 0; i < answers.size(); i++) {
			request.param("answers[" + i + "]", answers.get(i));
		}
		return mvc.perform(request).andReturn();
	}

	/** The right answers to the questions the flow is asking now. */
	List<String> rightAnswers(String userId) {
		return flow().challenge().questions().stream().map(AskedQuestion::predefinedKey)
				.map(key -> DemoUsers.ANSWERS.get(userId).get(key)).toList();
	}

	MvcResult newPassword(String password, String confirmation) throws Exception {
		return mvc.perform(on(post("/reset/password")).with(csrf()).param("newPassword", password)
				.param("confirmPassword", confirmation)).andReturn();
	}

	MvcResult unlockOnly() throws Exception {
		return mvc.perform(on(post("/reset/password")).with(csrf()).param("unlockOnly", "true")).andReturn();
	}

	/** The text of the page's element with this id (a message beside a field, say); fails when there is none. */
	static String textOf(MvcResult page, String id) throws Exception {
		String body = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		int start = body.indexOf("id=\"" + id + "\"");
		if (start < 0) {
			throw new AssertionError("no element #" + id + " on the page:\n" + body);
		}
		int tag = body.lastIndexOf('<', start);
		String name = body.substring(tag + 1, body.indexOf(' ', tag));
		return body.substring(body.indexOf('>', start) + 1, body.indexOf("</" + name + ">", start));
	}

	/** The code in the newest message in the dev outbox. */
	String lastCode() {
		Matcher m = CODE.matcher(outbox.entries().get(0).message().body());
		if (!m.find()) {
			throw new IllegalStateException("no code in the newest message");
		}
		return m.group(1).replace(" ", "");
	}

	static String appCode(Instant at) {
		return Totp.codeAt(new Base32().decode(DemoUsers.AUTHENTICATOR_SECRET), Totp.stepOf(at));
	}

	private MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
		request.with(from()).header("Accept-Language", language);
		if (session != null) {
			request.session(session);
		}
		return request;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor from() {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
