package io.github.bulklazy.hibernate.loading;

import org.hibernate.engine.spi.BatchFetchQueue;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * What Hibernate does with a load that reaches its own listeners: whether its second-level cache
 * serves it, and whether its statement carries that one key alone or a batch of queued keys
 * (those of the entities and collections it batch-loads).
 */
final class HibernateLoads {

	private HibernateLoads() {
	}

	/** Whether the second-level cache holds the entity, which Hibernate then serves without a statement. */
	static boolean isCached(EntityPersister persister, Object id, EventSource session) {
		return persister.canReadFromCache() && session.getCacheMode().isGetEnabled()
				&& session.getFactory().getCache().containsEntity(persister.getEntityName(), id);
	}

	/**
	 * Whether the second-level cache holds the collection, which Hibernate then serves without a
	 * statement unless filters enabled in the session apply to it.
	 */
	static boolean isCached(CollectionPersister persister, Object key, EventSource session) {
		return persister.hasCache() && session.getCacheMode().isGetEnabled()
				&& !(session.getLoadQueryInfluencers().hasEnabledFilters() && persister.isAffectedByEnabledFilters(session))
				&& session.getFactory().getCache().containsCollection(persister.getRole(), key);
	}

	/** How Hibernate loads a lazy entity: from its second-level cache, with a statement for its id alone, or in a batch. */
	static Load of(EntityPersister persister, Object id, EventSource session) {
		if (isCached(persister, id, session)) {
			return Load.CACHED;
		}
		boolean[] others = new boolean[1];
		queue(session).collectBatchLoadableEntityIds(2, (index, other) -> others[0] |= index > 0, id, persister);
		return others[0] ? Load.BATCHED : Load.ALONE;
	}

	/**
	 * How Hibernate loads a lazy collection: from its second-level cache, with a statement for its
	 * key alone, or in a batch with other collections its batch-fetch queue holds, or with every
	 * collection of the query that loaded its owner ({@code @Fetch(SUBSELECT)}).
	 */
	static Load of(CollectionPersister persister, Object key, @Nullable Object owner, EventSource session) {
		if (isCached(persister, key, session)) {
			return Load.CACHED;
		}
		EntityEntry ownerEntry = (owner != null) ? session.getPersistenceContextInternal().getEntry(owner) : null;
		if (persister.isSubselectLoadable() && ownerEntry != null && ownerEntry.getEntityKey() != null
				&& queue(session).getSubselect(ownerEntry.getEntityKey()) != null) {
			return Load.BATCHED;
		}
		boolean[] others = new boolean[1];
		queue(session).collectBatchLoadableCollectionKeys(2, (index, other) -> others[0] |= index > 0, key,
				persister.getAttributeMapping());
		return others[0] ? Load.BATCHED : Load.ALONE;
	}

	/** How Hibernate loads what reaches its own listeners. */
	enum Load {

		/** From the second-level cache, without a statement. */
		CACHED,

		/** With a statement for one key. */
		ALONE,

		/**
		 * With a statement for that key and others: those its batch-fetch queue holds, queued by
		 * their batch size or the session's, or every owner of a subselect fetch.
		 */
		BATCHED

	}

	private static BatchFetchQueue queue(EventSource session) {
		return session.getPersistenceContextInternal().getBatchFetchQueue();
	}

}
