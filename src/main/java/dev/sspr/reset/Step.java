package dev.sspr.reset;

/** The wizard's pages, each with its address. */
enum Step {
	IDENTIFY("/reset"),
	CONTACT_ADMIN("/reset/contact-admin"),
	TRY_LATER("/reset/try-later"),
	METHOD("/reset/method"),
	VERIFY("/reset/verify"),
	PASSWORD("/reset/password"),
	DONE("/reset/done");

	private final String path;

	Step(String path) {
		this.path = path;
	}

	String path() {
		return path;
	}

	String redirect() {
		return "redirect:" + path;
	}
}
