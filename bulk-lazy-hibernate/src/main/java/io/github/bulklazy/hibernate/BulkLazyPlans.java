package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plans of every session factory bulk-lazy was integrated into, and the check that each
 * configured entry names something in at least one of them. A plan is published once its factory
 * is built and withdrawn when the factory closes; listeners hear of both, whenever the factory is
 * built.
 */
public final class BulkLazyPlans {

	private final List<BulkLazyPlan> plans = new CopyOnWriteArrayList<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	synchronized void add(BulkLazyPlan plan) {
		this.plans.add(plan);
		this.listeners.forEach((listener) -> listener.published(plan));
	}

	synchronized void remove(BulkLazyPlan plan) {
		if (this.plans.remove(plan)) {
			this.listeners.forEach((listener) -> listener.withdrawn(plan));
		}
	}

	/**
	 * Adds a listener and tells it at once of every plan already published.
	 * @param listener told of each plan published or withdrawn from now on
	 */
	public synchronized void listen(Listener listener) {
		this.listeners.add(listener);
		this.plans.forEach(listener::published);
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

	/** Hears of the plans of session factories as they are built and closed. */
	public interface Listener {

		/** A session factory was built with bulk-lazy. */
		void published(BulkLazyPlan plan);

		/** The session factory of a published plan closed. */
		void withdrawn(BulkLazyPlan plan);

	}

}
