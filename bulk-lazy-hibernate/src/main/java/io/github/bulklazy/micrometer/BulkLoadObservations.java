package io.github.bulklazy.micrometer;

import java.util.function.Supplier;

import io.github.bulklazy.hibernate.BulkLoadObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Makes each bulk load a Micrometer {@link Observation} named {@value #NAME}, with the association
 * as a low-cardinality key value and the number of keys as a high-cardinality one: with tracing, a
 * request shows its bulk statements under one span per bulk load; with metrics, a timer per
 * association.
 */
public final class BulkLoadObservations implements BulkLoadObserver {

	/** The observation's name. */
	public static final String NAME = "bulk.lazy.load";

	private final ObservationRegistry registry;

	public BulkLoadObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public <T> T observe(String association, int keys, Supplier<T> load) {
		return Observation.createNotStarted(NAME, this.registry)
			.contextualName("bulk-lazy " + association)
			.lowCardinalityKeyValue("association", association)
			.highCardinalityKeyValue("keys", Integer.toString(keys))
			.observe(load);
	}

}
