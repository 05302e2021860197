package dev.sspr.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists bound from indexed fields ({@code answers[0]}, {@code answers[1]}…). A tampered form may post
 * fewer or more of them than its page has, and Spring's binding reads an index past the posted list
 * as an error of its own (a 500), so a form's messages are told on a list of the page's own length.
 */
public final class IndexedFields {

	private IndexedFields() {
	}

	/** Exactly {@code size} values, whatever was posted: a missing one (or null) is blank, extras are dropped. */
	public static List<String> sized(List<String> posted, int size) {
		List<String> sized = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			sized.add(posted != null && i < posted.size() && posted.get(i) != null ? posted.get(i) : "");
		}
		return sized;
	}
}
