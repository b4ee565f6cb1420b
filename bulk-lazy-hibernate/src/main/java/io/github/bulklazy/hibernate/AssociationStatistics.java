package io.github.bulklazy.hibernate;

import java.util.function.IntConsumer;

/** Counters of one association, shared by every session of its factory. */
public interface AssociationStatistics {

	/** Bulk statements issued for this association. */
	long batches();

	/**
	 * Statements saved: for each bulk statement, the proxies or collections it initialized (each
	 * one statement for plain lazy loading) minus the statement itself.
	 */
	long queriesSaved();

	/**
	 * Lazy loads of the association, not bulk-loaded, that Hibernate ran with a statement for one
	 * key: loads its second-level cache served are not counted, nor are those its batch fetching
	 * ran together with other keys in one statement.
	 */
	long fallbacks();

	/**
	 * Lazy loads of the association, not bulk-loaded, that Hibernate's batch fetching ran with
	 * other keys in one statement: not an N+1, but not bulk-lazy's either.
	 */
	long hibernateBatches();

	/** The most keys one of those statements carries: the mapping's batch size or the factory's; 0 before the first. */
	int hibernateBatchSize();

	/** Hands the number of keys of every bulk statement from now on to the recorder, in place of any before it. */
	void recordBatchSizesWith(IntConsumer recorder);

}
