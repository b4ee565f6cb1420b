package io.github.bulklazy.hibernate;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.spi.Loadable;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.BasicType;
import org.jspecify.annotations.Nullable;

/**
 * The entities of one entity name that wait to be loaded, by id, loaded with that entity's loader:
 * uninitialized proxies, and the keys Hibernate's select-fetch initializers queue for the EAGER
 * to-ones of a query's result.
 */
final class EntityPeerGroup extends PeerGroup<Object, EntityChunkLoader> {

	private final EntityMappingType entity;

	private final boolean arrayParameter;

	/**
	 * @param chunkSize the plan's keys per statement, divided among the columns of a composite id
	 * @param arrayParameter whether the dialect takes an array parameter, which carries a plain id
	 */
	EntityPeerGroup(EntityMappingType entity, int chunkSize, boolean arrayParameter,
			SessionFactoryImplementor factory) {
		super(entity.getEntityName(), ChunkSizes.perKey(chunkSize, entity.getIdentifierMapping().getJdbcTypeCount()),
				factory);
		this.entity = entity;
		this.arrayParameter = arrayParameter && entity.getIdentifierMapping().getJdbcTypeCount() == 1
				&& entity.getEntityPersister().getIdentifierType() instanceof BasicType;
	}

	EntityPersister persister() {
		return this.entity.getEntityPersister();
	}

	/** Whether the second-level cache holds the entity, which Hibernate then serves without a statement. */
	boolean isCached(Object id, EventSource session) {
		EntityPersister persister = this.entity.getEntityPersister();
		return persister.canReadFromCache() && session.getCacheMode().isGetEnabled()
				&& factory().getCache().containsEntity(persister.getEntityName(), id);
	}

	@Override
	Loadable loadable() {
		return this.entity;
	}

	@Override
	boolean takesArray() {
		return this.arrayParameter;
	}

	@Override
	EntityChunkLoader createLoader(int size, LoadQueryInfluencers influencers) {
		return EntityChunkLoader.create(size, this.arrayParameter, this.entity, influencers);
	}

	/**
	 * Whether Hibernate's batch-fetch queue holds the key: queued by a select-fetch initializer
	 * that collects the EAGER to-ones of a whole result, or a proxy of a batch-loadable entity.
	 */
	boolean isQueued(Object id, EventSource session) {
		return session.getPersistenceContextInternal()
			.getBatchFetchQueue()
			.containsEntityKey(session.generateEntityKey(id, this.entity.getEntityPersister()));
	}

	/**
	 * The recorded proxies reached through bulk-loaded associations, and the keys in Hibernate's
	 * batch-fetch queue but those of proxies reached through associations that are not.
	 */
	@Override
	Collection<Object> takePeers(SessionPeers peers, Object trigger, EventSource session) {
		String entityName = this.entity.getEntityName();
		Set<Object> ids = new LinkedHashSet<>(peers.takeBulkProxyIds(entityName));
		// with no limit to the batch, the queue reports every id it holds for the entity
		session.getPersistenceContextInternal().getBatchFetchQueue().collectBatchLoadableEntityIds(Integer.MAX_VALUE,
				(index, id) -> {
					if (peers.proxyAssociation(entityName, id) == null) {
						ids.add(id);
					}
				}, trigger, this.entity);
		return ids;
	}

	@Override
	boolean isSame(Object peer, Object trigger) {
		return peer.equals(trigger);
	}

	@Override
	boolean needsLoading(Object id, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		var key = session.generateEntityKey(id, this.entity.getEntityPersister());
		if (context.getEntity(key) != null || isCached(id, session)) {
			return false;
		}
		return (context.getProxy(key) instanceof HibernateProxy proxy)
				? proxy.getHibernateLazyInitializer().isUninitialized() : isQueued(id, session);
	}

	@Override
	void loadChunk(EntityChunkLoader loader, List<Object> ids, @Nullable Boolean readOnly, EventSource session) {
		loader.load(ids.toArray(), readOnly, session);
	}

	@Override
	int countLoaded(List<Object> ids, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		int loaded = 0;
		for (Object id : ids) {
			if (context.getEntity(session.generateEntityKey(id, this.entity.getEntityPersister())) != null) {
				loaded++;
			}
		}
		return loaded;
	}

}
