package io.github.bulklazy.hibernate;

import io.github.bulklazy.hibernate.loading.BulkLoader;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Switches bulk loading off and back on for one session, from code: for a job that walks a large
 * session but reads an association of a few of its entities. While it is off, lazy associations
 * load one at a time as in plain Hibernate, and such loads repeated count as remaining N+1 with
 * the reason {@code switched-off}; the entities loaded meanwhile still become peers, which a
 * later read loads in bulk once it is back on. A session of a factory without bulk-lazy is left
 * as it is.
 */
public final class BulkLoading {

	private BulkLoading() {
	}

	/** Switches bulk loading off for the session until {@link #switchOn} or its end. */
	public static void switchOff(EntityManager entityManager) {
		set(entityManager, true);
	}

	/** Switches bulk loading back on for the session. */
	public static void switchOn(EntityManager entityManager) {
		set(entityManager, false);
	}

	/**
	 * Whether bulk-lazy loads the session's lazy associations in bulk: installed and started in
	 * its factory, and not switched off for it.
	 */
	public static boolean isOn(EntityManager entityManager) {
		SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
		BulkLoader loader = BulkLoader.of(session.getFactory());
		return loader != null && loader.isOn(session);
	}

	/**
	 * Switches bulk loading off until the returned block closes, then back to what it was:
	 * {@code try (BulkLoading.Off off = BulkLoading.off(entityManager)) { ... }}.
	 */
	public static Off off(EntityManager entityManager) {
		boolean wasOff = !isOn(entityManager);
		set(entityManager, true);
		return () -> set(entityManager, wasOff);
	}

	private static void set(EntityManager entityManager, boolean off) {
		SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
		BulkLoader loader = BulkLoader.of(session.getFactory());
		if (loader != null) {
			loader.switchOff(session, off);
		}
	}

	/** A block of code during which bulk loading is off. */
	@FunctionalInterface
	public interface Off extends AutoCloseable {

		/** Switches bulk loading back to what it was before the block. */
		@Override
		void close();

	}

}
