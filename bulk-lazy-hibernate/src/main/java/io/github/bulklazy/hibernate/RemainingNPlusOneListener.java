package io.github.bulklazy.hibernate;

/**
 * Told of every remaining N+1 as it happens, before the load runs. Implementations are found with
 * {@link java.util.ServiceLoader} through Hibernate's class loader service when a session factory
 * starts; {@code bulk-lazy-test} registers one to assert there is none.
 */
public interface RemainingNPlusOneListener {

	/** Called on the thread of the load, for each one-key load after the first of its association in a session. */
	void remainingNPlusOne(RemainingNPlusOne remaining);

}
