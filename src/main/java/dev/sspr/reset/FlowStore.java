package dev.sspr.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps the flow in the HTTP session, which lives in the database so that any instance serves the next
 * step. No session exists before the identify form is posted, so
 * anonymous page views leave nothing on the server; the session id changes at identification (S-60).
 */
final class FlowStore {

	static final String ATTRIBUTE = "sspr.reset.flow";

	private FlowStore() {
	}

	static ResetFlow current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (ResetFlow) session.getAttribute(ATTRIBUTE);
	}

	static void start(HttpServletRequest request, ResetFlow flow) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		request.getSession(true).setAttribute(ATTRIBUTE, flow);
	}

	/** Stores the flow again after a change: the session store (the database) writes only what is set. */
	static void save(HttpServletRequest request, ResetFlow flow) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(ATTRIBUTE, flow);
		}
	}
}
