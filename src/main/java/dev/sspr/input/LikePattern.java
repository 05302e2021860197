package dev.sspr.input;

import java.util.Locale;

/**
 * A search box's text as a SQL {@code LIKE} pattern: the text's own {@code %} and {@code _} match
 * themselves. Use it with {@code lower(column) like ? escape '!'}.
 */
public final class LikePattern {

	private LikePattern() {
	}

	/** Matches values that contain the text, in any case. */
	public static String containing(String text) {
		return "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}
}
