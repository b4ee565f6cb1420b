package io.github.bulklazy.hibernate.loading;

import org.hibernate.engine.spi.BatchFetchQueue;
import org.hibernate.event.spi.EventSource;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What Hibernate does with a load that reaches its own listeners: whether its second-level cache
 * serves it, and whether its statement carries that one key alone or a batch of queued keys.
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

	/**
	 * Whether Hibernate loads the entity with a statement for its id alone: not from the
	 * second-level cache, and not batched with other ids its batch-fetch queue holds (it queues
	 * those of the entities it batch-loads, by their batch size or the session's).
	 */
	static boolean selectsAlone(EntityPersister persister, Object id, EventSource session) {
		if (isCached(persister, id, session)) {
			return false;
		}
		boolean[] others = new boolean[1];
		queue(session).collectBatchLoadableEntityIds(2, (index, other) -> others[0] |= index > 0, id, persister);
		return !others[0];
	}

	/**
	 * Whether Hibernate loads the collection with a statement for its key alone: not from the
	 * second-level cache, and not batched with other collections its batch-fetch queue holds.
	 */
	static boolean selectsAlone(CollectionPersister persister, Object key, EventSource session) {
		if (isCached(persister, key, session)) {
			return false;
		}
		boolean[] others = new boolean[1];
		queue(session).collectBatchLoadableCollectionKeys(2, (index, other) -> others[0] |= index > 0, key,
				persister.getAttributeMapping());
		return !others[0];
	}

	private static BatchFetchQueue queue(EventSource session) {
		return session.getPersistenceContextInternal().getBatchFetchQueue();
	}

}
