package io.github.bulklazy.hibernate.loading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.AssociationStatistics;
import io.github.bulklazy.hibernate.BulkLoadObserver;
import io.github.bulklazy.hibernate.loading.HibernateLoads.Load;
import io.github.bulklazy.hibernate.loading.RemainingNPlusOnes.OneKeyLoad;

/**
 * The engine's counters of one association, and where its one-key loads are told to
 * {@link RemainingNPlusOnes}. Counting adds to striped counters: threads never wait on each other.
 */
public final class AssociationCounters implements AssociationStatistics {

	private final Association association;

	private final RemainingNPlusOnes remainingNPlusOnes;

	private final BulkLoadObserver observer;

	private final LongAdder batches = new LongAdder();

	private final LongAdder queriesSaved = new LongAdder();

	private final LongAdder fallbacks = new LongAdder();

	private final LongAdder hibernateBatches = new LongAdder();

	/** Written by one session at a time in practice; a lost update only understates it. */
	private volatile int hibernateBatchSize;

	private volatile IntConsumer batchSizeRecorder = (keys) -> {
	};

	private AssociationCounters(Association association, RemainingNPlusOnes remainingNPlusOnes,
			BulkLoadObserver observer) {
		this.association = association;
		this.remainingNPlusOnes = remainingNPlusOnes;
		this.observer = observer;
	}

	/**
	 * New counters for each association, by name, that tell their one-key loads to the given log
	 * and run their bulk loads through the observer.
	 */
	public static Map<String, AssociationCounters> of(List<Association> associations,
			RemainingNPlusOnes remainingNPlusOnes, BulkLoadObserver observer) {
		Map<String, AssociationCounters> counters = new LinkedHashMap<>();
		associations.forEach((association) -> counters.put(association.name(),
				new AssociationCounters(association, remainingNPlusOnes, observer)));
		return counters;
	}

	/** Runs a bulk load of the association, of one or more chunks, through the observer. */
	<T> T observeBulkLoad(int keys, Supplier<T> load) {
		return this.observer.observe(this.association.name(), keys, load);
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
	public long hibernateBatches() {
		return this.hibernateBatches.sum();
	}

	@Override
	public int hibernateBatchSize() {
		return this.hibernateBatchSize;
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

	/**
	 * Counts a lazy load Hibernate runs with a statement for one key, after telling it to
	 * {@link RemainingNPlusOnes}, which may refuse it.
	 */
	void fallbackLoad(SessionPeers peers) {
		oneKeyLoad(OneKeyLoad.LEFT_TO_HIBERNATE, peers);
		this.fallbacks.increment();
	}

	/** Tells {@link RemainingNPlusOnes} of a load of one key before it runs. */
	void oneKeyLoad(OneKeyLoad load, SessionPeers peers) {
		this.remainingNPlusOnes.loadedOneKey(this.association, load, peers);
	}

	/**
	 * Counts a load of the association left to Hibernate: a statement for one key is a
	 * {@linkplain #fallbackLoad fallback}; one for several keys is a batch of Hibernate's, which
	 * carries at most {@code batchSize} keys (the persister's, the factory's default unless the
	 * mapping sets one).
	 */
	void hibernateLoad(Load load, int batchSize, SessionPeers peers) {
		if (load == Load.ALONE) {
			fallbackLoad(peers);
		}
		else if (load == Load.BATCHED) {
			this.hibernateBatches.increment();
			this.hibernateBatchSize = Math.max(this.hibernateBatchSize, batchSize);
		}
	}

}
