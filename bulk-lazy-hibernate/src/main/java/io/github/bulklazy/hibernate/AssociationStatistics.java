package io.github.bulklazy.hibernate;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Counters of one association, shared by every session of its factory. Counting adds to striped
 * counters: threads never wait on each other.
 */
public final class AssociationStatistics {

	private final LongAdder batches = new LongAdder();

	private final LongAdder queriesSaved = new LongAdder();

	private final LongAdder fallbacks = new LongAdder();

	private volatile IntConsumer batchSizeRecorder = (keys) -> {
	};

	/** Bulk statements issued for this association. */
	public long batches() {
		return this.batches.sum();
	}

	/**
	 * Statements saved: for each bulk statement, the proxies or collections it initialized (each
	 * one statement for plain lazy loading) minus the statement itself.
	 */
	public long queriesSaved() {
		return this.queriesSaved.sum();
	}

	/**
	 * Lazy loads of the association, not bulk-loaded, that Hibernate ran with a statement for one
	 * key: loads its second-level cache served are not counted, nor are those its batch fetching
	 * ran together with other keys in one statement.
	 */
	public long fallbacks() {
		return this.fallbacks.sum();
	}

	/** Receives the number of keys of every bulk statement from now on. */
	public void recordBatchSizesWith(IntConsumer recorder) {
		this.batchSizeRecorder = recorder;
	}

	void bulkStatement(int keys, int initialized) {
		this.batches.increment();
		this.queriesSaved.add(Math.max(0, initialized - 1));
		this.batchSizeRecorder.accept(keys);
	}

	void fallbackLoad() {
		this.fallbacks.increment();
	}

}
