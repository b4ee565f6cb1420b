package io.github.bulklazy.hibernate;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The known names closest to a name that is not one of them, for messages about a misspelling. */
public final class ClosestNames {

	private ClosestNames() {
	}

	/**
	 * The known names by their edit distance to the name, ignoring case, closest first.
	 * @param name the name that is not known
	 * @param known the names that are
	 * @param count how many to return at most
	 * @return up to {@code count} known names
	 */
	public static List<String> of(String name, Collection<String> known, int count) {
		return known.stream()
			.sorted(Comparator.comparingInt((String candidate) -> distance(name, candidate)).thenComparing((candidate) -> candidate))
			.limit(count)
			.toList();
	}

	/** Levenshtein distance, ignoring case. */
	private static int distance(String a, String b) {
		String left = a.toLowerCase(Locale.ROOT);
		String right = b.toLowerCase(Locale.ROOT);
		int[] previous = new int[right.length() + 1];
		int[] current = new int[right.length() + 1];
		for (int j = 0; j <= right.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= left.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= right.length(); j++) {
				int substitution = previous[j - 1] + ((left.charAt(i - 1) == right.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[right.length()];
	}

}
