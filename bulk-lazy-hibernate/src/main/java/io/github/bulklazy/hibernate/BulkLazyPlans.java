package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plans of every session factory bulk-lazy was integrated into, and the check that each
 * configured entry names something in at least one of them.
 */
public final class BulkLazyPlans {

	private final List<BulkLazyPlan> plans = new CopyOnWriteArrayList<>();

	void add(BulkLazyPlan plan) {
		this.plans.add(plan);
	}

	void remove(BulkLazyPlan plan) {
		this.plans.remove(plan);
	}

	/** The plans of the session factories that are open. */
	public List<BulkLazyPlan> all() {
		return List.copyOf(this.plans);
	}

	/**
	 * Fails when an include or exclude entry names no entity or association of any session
	 * factory, naming the entry and the closest known names.
	 * @param settings the configured entries
	 * @throws IllegalArgumentException listing every unknown entry
	 */
	public void checkEntries(BulkLazySettings settings) {
		Set<String> known = new TreeSet<>();
		this.plans.forEach((plan) -> known.addAll(plan.knownNames()));
		List<String> problems = new ArrayList<>();
		describeUnknown("bulk-lazy.include", settings.include(), known, problems);
		describeUnknown("bulk-lazy.exclude", settings.exclude(), known, problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("\n", problems));
		}
	}

	private static void describeUnknown(String property, List<String> entries, Set<String> known,
			List<String> problems) {
		for (String entry : entries) {
			if (!known.contains(entry)) {
				problems.add(property + " entry '" + entry + "' names no entity or association; closest known names: "
						+ String.join(", ", ClosestNames.of(entry, known, 3)));
			}
		}
	}

}
