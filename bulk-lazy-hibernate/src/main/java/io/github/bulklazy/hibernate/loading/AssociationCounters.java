package io.github.bulklazy.hibernate.loading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.AssociationStatistics;

/**
 * The engine's counters of one association. Counting adds to striped counters: threads never
 * wait on each other.
 */
public final class AssociationCounters implements AssociationStatistics {

	private final LongAdder batches = new LongAdder();

	private final LongAdder queriesSaved = new LongAdder();

	private final LongAdder fallbacks = new LongAdder();

	private volatile IntConsumer batchSizeRecorder = (keys) -> {
	};

	private AssociationCounters() {
	}

	/** New counters for each association, by name. */
	public static Map<String, AssociationCounters> of(List<Association> associations) {
		Map<String, AssociationCounters> counters = new LinkedHashMap<>();
		associations.forEach((association) -> counters.put(association.name(), new AssociationCounters()));
		return counters;
	}

	@Override
	public long batches() {
		return this.batches.sum();
	}

	@Override
	public long queriesSaved() {
		return this.queriesSaved.sum();
	}

	@Override
	public long fallbacks() {
		return this.fallbacks.sum();
	}

	@Override
	public void recordBatchSizesWith(IntConsumer recorder) {
		this.batchSizeRecorder = recorder;
	}

	/** Counts a bulk statement of {@code keys} keys that initialized {@code initialized} of them. */
	void bulkStatement(int keys, int initialized) {
		this.batches.increment();
		this.queriesSaved.add(Math.max(0, initialized - 1));
		this.batchSizeRecorder.accept(keys);
	}

	/** Counts a lazy load Hibernate ran with a statement for one key. */
	void fallbackLoad() {
		this.fallbacks.increment();
	}

}
