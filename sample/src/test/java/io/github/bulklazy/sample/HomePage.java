package io.github.bulklazy.sample;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of the home page, read from the {@code data-} attributes of its elements: as the
 * server wrote them, or as a browser dumps its document.
 *
 * @param pages the statements of each page's two runs, by page
 * @param associations the associations its table lists
 */
record HomePage(Map<String, Statements> pages, Set<String> associations) {

	private static final Pattern PAGE_ROW = Pattern.compile("<tr\\s[^>]*data-page=\"([^\"]+)\"[^>]*>");

	private static final Pattern ASSOCIATION_ROW = Pattern.compile("<tr\\s[^>]*data-association=\"([^\"]+)\"");

	static HomePage parse(String html) {
		Map<String, Statements> pages = new LinkedHashMap<>();
		Matcher row = PAGE_ROW.matcher(html);
		while (row.find()) {
			pages.put(row.group(1), new Statements(number(row.group(), "data-bulk-statements"),
					number(row.group(), "data-plain-statements")));
		}
		Set<String> associations = new LinkedHashSet<>();
		Matcher association = ASSOCIATION_ROW.matcher(html);
		while (association.find()) {
			associations.add(association.group(1));
		}
		return new HomePage(pages, associations);
	}

	private static int number(String tag, String attribute) {
		Matcher value = Pattern.compile(attribute + "=\"(\\d+)\"").matcher(tag);
		if (!value.find()) {
			throw new IllegalStateException("no " + attribute + " in " + tag);
		}
		return Integer.parseInt(value.group(1));
	}

	/**
	 * The statements of one page's read.
	 *
	 * @param bulk with bulk-lazy
	 * @param plain with bulk-lazy switched off
	 */
	record Statements(int bulk, int plain) {
	}

}
