package dev.sspr.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * Entra's banned-password algorithm (R-30, S-41): normalize, refuse a password within edit
 * distance 1 of a banned term, then score one point per banned term found (exactly or within edit
 * distance 1) plus one per remaining character; fewer than {@value #PASSING_SCORE} points fail.
 */
public final class BannedPasswords {

	public static final int PASSING_SCORE = 5;
	/** Shorter terms would match nearly everything with edit distance 1; they match exactly only. */
	private static final int FUZZY_MIN_LENGTH = 4;
	private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final Set<String> globalTerms;

	private BannedPasswords(Set<String> globalTerms) {
		this.globalTerms = Set.copyOf(globalTerms);
	}

	/** The global list shipped in {@code policy/banned-passwords.txt}. */
	public static BannedPasswords shipped() {
		return new BannedPasswords(load("policy/banned-passwords.txt"));
	}

	public static BannedPasswords of(Collection<String> terms) {
		Set<String> normalized = new LinkedHashSet<>();
		terms.forEach(t -> normalized.add(normalize(t)));
		return new BannedPasswords(normalized);
	}

	public int size() {
		return globalTerms.size();
	}

	/**
	 * Lower-case, take off diacritics ({@link Diacritics}) and undo the common substitutions: 0→o,
	 * 1→l, $→s, @→a (and 3→e, 4→a, 5→s, 7→t, !→i).
	 */
	public static String normalize(String text) {
		String lower = Diacritics.fold(text);
		StringBuilder out = new StringBuilder(lower.length());
		lower.codePoints().forEach(cp -> out.appendCodePoint(switch (cp) {
			case '0' -> 'o';
			case '1' -> 'l';
			case '$', '5' -> 's';
			case '@', '4' -> 'a';
			case '3' -> 'e';
			case '7' -> 't';
			case '!' -> 'i';
			default -> cp;
		}));
		return out.toString();
	}

	/** Whether the password fails: too close to a term, or scoring under {@link #PASSING_SCORE}. */
	public boolean refuses(String password, Collection<String> extraTerms) {
		String candidate = normalize(password);
		Set<String> terms = new LinkedHashSet<>(globalTerms);
		for (String extra : extraTerms) {
			for (String word : WORD_SPLIT.split(normalize(extra))) {
				if (word.length() >= 3) {
					terms.add(word);
				}
			}
		}
		for (String term : terms) {
			if (term.length() >= FUZZY_MIN_LENGTH && withinOneEdit(candidate, term)) {
				return true;
			}
		}
		return score(candidate, List.copyOf(terms)) < PASSING_SCORE;
	}

	static int score(String candidate, List<String> terms) {
		String rest = candidate;
		int points = 0;
		// Longest terms first, and exact matches before fuzzy ones, so that a term is not eaten by a
		// near-miss of another (Entra's example: "ContoS0Bl@nkf9!" scores contoso + blank + f9!).
		List<String> ordered = terms.stream().sorted((a, b) -> b.length() - a.length()).toList();
		for (String term : ordered) {
			int at;
			while ((at = rest.indexOf(term)) >= 0) {
				rest = rest.substring(0, at) + '\u0000' + rest.substring(at + term.length());
				points++;
			}
		}
		for (String term : ordered) {
			if (term.length() < FUZZY_MIN_LENGTH) {
				continue;
			}
			int[] window;
			while ((window = fuzzyWindow(rest, term)) != null) {
				rest = rest.substring(0, window[0]) + '\u0000' + rest.substring(window[1]);
				points++;
			}
		}
		return points + (int) rest.codePoints().filter(cp -> cp != 0).count();
	}

	/** A substring within edit distance 1 of the term: same length first, then one shorter, then one longer. */
	private static int[] fuzzyWindow(String text, String term) {
		for (int length : new int[] { term.length(), term.length() - 1, term.length() + 1 }) {
			for (int start = 0; start + length <= text.length(); start++) {
				String window = text.substring(start, start + length);
				if (window.indexOf('\u0000') < 0 && withinOneEdit(window, term)) {
					return new int[] { start, start + length };
				}
			}
		}
		return null;
	}

	/** Levenshtein distance of at most one, in linear time. */
	static boolean withinOneEdit(String a, String b) {
		int la = a.length();
		int lb = b.length();
		if (Math.abs(la - lb) > 1) {
			return false;
		}
		int i = 0;
		int j = 0;
		boolean edited = false;
		while (i < la && j < lb) {
			if (a.charAt(i) == b.charAt(j)) {
				i++;
				j++;
				continue;
			}
			if (edited) {
				return false;
			}
			edited = true;
			if (la > lb) {
				i++;
			}
			else if (lb > la) {
				j++;
			}
			else {
				i++;
				j++;
			}
		}
		return (edited ? 1 : 0) + (la - i) + (lb - j) <= 1;
	}

	private static Set<String> load(String resource) {
		Set<String> terms = new LinkedHashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
					.map(BannedPasswords::normalize).forEach(terms::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
		return terms;
	}
}
