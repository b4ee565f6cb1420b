package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;

import org.hibernate.LockMode;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.ClearEvent;
import org.hibernate.event.spi.ClearEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EvictEvent;
import org.hibernate.event.spi.EvictEventListener;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.loader.ast.spi.Loadable;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.Getter;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jboss.logging.Logger;

/**
 * The engine: records the lazy proxies and collections of each session as their owners load, and
 * when one of them is first read, loads its whole peer group in chunks. It listens to Hibernate's
 * events ahead of Hibernate's own listeners, which then find the entity or collection loaded.
 */
final class BulkLoader implements PostLoadEventListener, LoadEventListener, InitializeCollectionEventListener,
		EvictEventListener, ClearEventListener {

	private static final Logger logger = Logger.getLogger(BulkLoader.class);

	private final SessionFactoryImplementor factory;

	private final BulkLazyPlan plan;

	private final int chunkSize;

	private final boolean arrayParameter;

	private final ArraySelect arraySelect;

	private final SessionPeersRegistry sessions = new SessionPeersRegistry();

	/** The runtime model; {@code null} until {@link #start()}, and for good if it failed. */
	private volatile Groups groups;

	/**
	 * Creates the engine of a session factory; it acts once {@link #start()} has run.
	 * @param arraySelect the array select of the running Hibernate, or {@code null} to load
	 * collections through IN lists
	 */
	BulkLoader(SessionFactoryImplementor factory, BulkLazyPlan plan, ArraySelect arraySelect) {
		this.factory = factory;
		this.plan = plan;
		this.chunkSize = plan.chunkSize();
		this.arrayParameter = factory.getJdbcServices().getDialect().useArrayForMultiValuedParameters();
		this.arraySelect = this.arrayParameter ? arraySelect : null;
	}

	/**
	 * Builds the runtime model and a loader for every peer group, once the session factory's
	 * persisters exist: whatever the engine builds from Hibernate's internals fails here, at
	 * start-up, or not at all.
	 * @throws RuntimeException or {@link LinkageError} when a loader cannot be built; the engine
	 * then stays inactive
	 */
	void start() {
		Groups built = new Groups();
		LoadQueryInfluencers influencers = new LoadQueryInfluencers(this.factory);
		built.entityGroups.values().forEach((group) -> group.loader(this.chunkSize, influencers));
		built.collectionGroups.values().forEach((group) -> group.loader(this.chunkSize, influencers));
		this.groups = built;
	}

	@Override
	public void onPostLoad(PostLoadEvent event) {
		entityLoaded(event.getSession(), event.getEntity());
	}

	@Override
	public void onLoad(LoadEvent event, LoadType loadType) {
		if (loadType == LoadEventListener.IMMEDIATE_LOAD) {
			proxyInitializing(event.getSession(), event.getEntityClassName(), event.getEntityId(),
					event.getLockOptions().getLockMode(), event.getReadOnly());
		}
	}

	@Override
	public void onInitializeCollection(InitializeCollectionEvent event) {
		collectionInitializing(event.getSession(), event.getCollection());
	}

	/**
	 * Lets the session's record drop the collections of entities evicted or detached from it,
	 * which the persistence context no longer holds either.
	 */
	@Override
	public void onEvict(EvictEvent event) {
		SessionPeers peers = this.sessions.find(event.getSession());
		Groups model = this.groups;
		Slots slots = (model != null) ? model.slotsByClass.get(event.getObject().getClass()) : null;
		if (peers != null && slots != null && !slots.collections().isEmpty()) {
			peers.ownerEvicted(slots.collections().size(), event.getSession().getPersistenceContextInternal());
		}
	}

	@Override
	public void onClear(ClearEvent event) {
		SessionPeers peers = this.sessions.find(event.getSession());
		if (peers != null) {
			peers.clear();
		}
	}

	/**
	 * Records the uninitialized lazy associations of an entity that was just loaded. The entity's
	 * own class decides which associations it holds: the event's persister can be that of a proxy
	 * of another subclass registered for the same id.
	 */
	private void entityLoaded(EventSource session, Object entity) {
		Groups model = this.groups;
		Slots slots = (model != null) ? model.slotsByClass.get(entity.getClass()) : null;
		if (slots == null) {
			return;
		}
		SessionPeers peers = null;
		for (ToOneSlot slot : slots.toOnes()) {
			if (slot.getter().get(entity) instanceof HibernateProxy proxy
					&& proxy.getHibernateLazyInitializer().isUninitialized()) {
				peers = (peers != null) ? peers : this.sessions.findOrCreate(session);
				LazyInitializer initializer = proxy.getHibernateLazyInitializer();
				peers.addProxy(initializer.getEntityName(), initializer.getInternalIdentifier(), slot.association());
			}
		}
		for (CollectionSlot slot : slots.collections()) {
			if (slot.getter().get(entity) instanceof PersistentCollection<?> collection
					&& !collection.wasInitialized()) {
				peers = (peers != null) ? peers : this.sessions.findOrCreate(session);
				peers.addCollection(slot.role(), collection);
			}
		}
	}

	/**
	 * Loads the proxy being initialized together with every waiting proxy of the same entity name,
	 * with the loader Hibernate would use for each of them: proxies are grouped by their own entity
	 * name, as Hibernate's batch-fetch queue groups them, so that a proxy typed to a subclass and
	 * one typed to its root never share a load. Does nothing when the proxy was not reached through
	 * a bulk-loaded association (counted as a fallback when it was reached through another
	 * association), under a lock, or when the second-level cache holds it: Hibernate then loads it
	 * as usual.
	 */
	private void proxyInitializing(EventSource session, String entityName, Object id, LockMode lockMode,
			Boolean readOnly) {
		SessionPeers peers = this.sessions.find(session);
		Groups model = this.groups;
		if (peers == null || model == null || lockMode != LockMode.NONE) {
			return;
		}
		Association association = peers.proxyAssociation(entityName, id);
		if (association == null) {
			return;
		}
		if (association.mode() != Mode.BULK) {
			peers.forgetProxy(entityName, id);
			this.plan.statistics(association).fallbackLoad();
			return;
		}
		EntityGroup group = model.entityGroups.get(entityName);
		if (isCached(session, group.entity(), id) || !peers.startLoading(entityName)) {
			return;
		}
		try {
			List<Object> ids = new ArrayList<>();
			ids.add(id);
			for (Object peer : peers.takeBulkProxyIds(entityName)) {
				if (!peer.equals(id) && needsLoading(session, group.entity(), peer)) {
					ids.add(peer);
				}
			}
			AssociationStatistics statistics = this.plan.statistics(association);
			forEachChunk(session, ids, (chunk) -> {
				group.loader(chunk.size(), session.getLoadQueryInfluencers()).load(chunk.toArray(), readOnly, session);
				statistics.bulkStatement(chunk.size(), countLoaded(session, group.entity(), chunk));
			});
		}
		finally {
			peers.finishLoading(entityName);
		}
	}

	/**
	 * Initializes the collection being read together with every waiting collection of the same
	 * role. Initialized collections, collections of other sessions and of removed owners, and
	 * those the second-level cache holds are left alone.
	 */
	private void collectionInitializing(EventSource session, PersistentCollection<?> collection) {
		PersistenceContext context = session.getPersistenceContextInternal();
		CollectionEntry entry = context.getCollectionEntry(collection);
		Groups model = this.groups;
		if (model == null || collection.wasInitialized() || entry == null || entry.getLoadedPersister() == null) {
			return;
		}
		String role = entry.getLoadedPersister().getRole();
		CollectionGroup group = model.collectionGroups.get(role);
		if (group == null) {
			Association association = model.collectionAssociations.get(role);
			if (association != null) {
				this.plan.statistics(association).fallbackLoad();
			}
			return;
		}
		if (isCached(session, group, entry.getLoadedKey())) {
			return;
		}
		SessionPeers peers = this.sessions.findOrCreate(session);
		if (!peers.startLoading(role)) {
			return;
		}
		try {
			List<PersistentCollection<?>> collections = new ArrayList<>();
			collections.add(collection);
			for (PersistentCollection<?> peer : peers.takeCollections(role)) {
				if (peer != collection && needsLoading(session, group, peer)) {
					collections.add(peer);
				}
			}
			AssociationStatistics statistics = this.plan.statistics(group.association());
			forEachChunk(session, collections, (chunk) -> {
				group.loader(chunk.size(), session.getLoadQueryInfluencers()).load(chunk, session);
				statistics.bulkStatement(chunk.size(),
						(int) chunk.stream().filter(PersistentCollection::wasInitialized).count());
			});
		}
		finally {
			peers.finishLoading(role);
		}
	}

	/**
	 * Runs the action on each chunk of the items. If a chunk that carries peers fails, the
	 * exception reaches the read that triggered the load, as in plain lazy loading; but the failed
	 * statement may have left peers half-loaded in the persistence context, where plain Hibernate
	 * would not have loaded them at all, so the transaction is marked rollback-only: nothing of
	 * that state is ever written.
	 */
	private <T> void forEachChunk(EventSource session, List<T> items, Consumer<List<T>> action) {
		for (int from = 0; from < items.size(); from += this.chunkSize) {
			try {
				action.accept(items.subList(from, Math.min(items.size(), from + this.chunkSize)));
			}
			catch (RuntimeException ex) {
				if (items.size() > 1 && session.isTransactionInProgress()) {
					session.markForRollbackOnly();
					logger.warnf("bulk-lazy: a bulk load of %d peers failed; the transaction is marked rollback-only, "
							+ "as the persistence context may hold some of them half-loaded: %s", items.size(), ex);
				}
				throw ex;
			}
		}
	}

	private static int countLoaded(EventSource session, EntityMappingType entity, List<Object> ids) {
		PersistenceContext context = session.getPersistenceContextInternal();
		int loaded = 0;
		for (Object id : ids) {
			if (context.getEntity(session.generateEntityKey(id, entity.getEntityPersister())) != null) {
				loaded++;
			}
		}
		return loaded;
	}

	private boolean needsLoading(EventSource session, EntityMappingType entity, Object id) {
		PersistenceContext context = session.getPersistenceContextInternal();
		var key = session.generateEntityKey(id, entity.getEntityPersister());
		return context.getEntity(key) == null && context.getProxy(key) instanceof HibernateProxy proxy
				&& proxy.getHibernateLazyInitializer().isUninitialized() && !isCached(session, entity, id);
	}

	/**
	 * Whether a peer collection is loaded with the one being read. One with queued operations (an
	 * element added to an inverse collection without reading it) is left to Hibernate: loaded now,
	 * it would keep elements that a flush before its first read discards.
	 */
	private boolean needsLoading(EventSource session, CollectionGroup group, PersistentCollection<?> collection) {
		PersistenceContext context = session.getPersistenceContextInternal();
		CollectionEntry entry = context.getCollectionEntry(collection);
		if (collection.wasInitialized() || collection.hasQueuedOperations() || entry == null
				|| entry.getLoadedKey() == null) {
			return false;
		}
		EntityEntry owner = context.getEntry(collection.getOwner());
		return owner != null && !owner.getStatus().isDeletedOrGone() && !isCached(session, group, entry.getLoadedKey());
	}

	private boolean isCached(EventSource session, EntityMappingType entity, Object id) {
		EntityPersister persister = entity.getEntityPersister();
		return persister.canReadFromCache() && session.getCacheMode().isGetEnabled()
				&& this.factory.getCache().containsEntity(persister.getEntityName(), id);
	}

	private boolean isCached(EventSource session, CollectionGroup group, Object key) {
		var persister = group.mapping().getCollectionDescriptor();
		return persister.hasCache() && session.getCacheMode().isGetEnabled()
				&& this.factory.getCache().containsCollection(persister.getRole(), key);
	}

	/**
	 * The loader for a chunk of keys: built once per size, like Hibernate's own loaders, unless the
	 * session's enabled filters, fetch profiles or entity graph change its SQL.
	 */
	private <L> L loaderFor(Map<Integer, L> loaders, Loadable loadable, int size, LoadQueryInfluencers influencers,
			BiFunction<Integer, LoadQueryInfluencers, L> create) {
		if (loadable.isAffectedByInfluencers(influencers, true)) {
			return create.apply(size, influencers);
		}
		return loaders.computeIfAbsent(size, (key) -> create.apply(size, new LoadQueryInfluencers(this.factory)));
	}

	/**
	 * The size of the loader for a chunk: one array parameter takes any chunk; an IN list is padded
	 * to the next power of two, so a statement carries at most twice the placeholders it needs and
	 * an association has only a few distinct SQL shapes.
	 */
	private int loaderSize(int keys, boolean byArray) {
		return byArray ? this.chunkSize : Math.min(this.chunkSize, Integer.highestOneBit(Math.max(1, keys - 1)) << 1);
	}

	private record ToOneSlot(Getter getter, Association association) {
	}

	private record CollectionSlot(Getter getter, String role) {
	}

	private record Slots(List<ToOneSlot> toOnes, List<CollectionSlot> collections) {
	}

	/**
	 * The runtime model: which lazy associations the instances of each entity class hold
	 * (inherited ones included), and the loaders of each peer group.
	 */
	private final class Groups {

		final Map<Class<?>, Slots> slotsByClass = new HashMap<>();

		final Map<String, EntityGroup> entityGroups = new HashMap<>();

		final Map<String, CollectionGroup> collectionGroups = new HashMap<>();

		final Map<String, Association> collectionAssociations = new HashMap<>();

		Groups() {
			var metamodel = BulkLoader.this.factory.getMappingMetamodel();
			Map<Class<?>, List<ToOneSlot>> toOnes = new HashMap<>();
			Map<Class<?>, List<CollectionSlot>> collections = new HashMap<>();
			for (Association association : BulkLoader.this.plan.associations()) {
				EntityPersister owner = metamodel.getEntityDescriptor(association.ownerEntity());
				var attribute = owner.findAttributeMapping(association.attribute());
				if (association.kind() == Kind.COLLECTION) {
					this.collectionAssociations.put(association.role(), association);
				}
				if (attribute == null || (association.mode() != Mode.BULK && association.kind() == Kind.COLLECTION)) {
					continue;
				}
				Getter getter = attribute.getPropertyAccess().getGetter();
				List<Class<?>> holders = subtypesOf(owner).stream()
					.map(EntityMappingType::getMappedJavaType)
					.<Class<?>>map((type) -> type.getJavaTypeClass())
					.toList();
				if (association.kind() == Kind.TO_ONE) {
					if (association.mode() == Mode.BULK) {
						// a proxy of the target or, narrowed, of any of its subclasses
						for (EntityMappingType target : subtypesOf(metamodel.getEntityDescriptor(association.targetEntity()))) {
							this.entityGroups.computeIfAbsent(target.getEntityName(), (name) -> new EntityGroup(target));
						}
					}
					ToOneSlot slot = new ToOneSlot(getter, association);
					holders.forEach((holder) -> toOnes.computeIfAbsent(holder, (key) -> new ArrayList<>()).add(slot));
				}
				else {
					PluralAttributeMapping plural = (PluralAttributeMapping) attribute;
					this.collectionGroups.put(association.role(), new CollectionGroup(plural, association));
					CollectionSlot slot = new CollectionSlot(getter, association.role());
					holders.forEach((holder) -> collections.computeIfAbsent(holder, (key) -> new ArrayList<>()).add(slot));
				}
			}
			Set<Class<?>> holders = new LinkedHashSet<>(toOnes.keySet());
			holders.addAll(collections.keySet());
			for (Class<?> holder : holders) {
				this.slotsByClass.put(holder, new Slots(toOnes.getOrDefault(holder, List.of()),
						collections.getOrDefault(holder, List.of())));
			}
		}

		/** The entity and its subclasses. */
		private List<EntityMappingType> subtypesOf(EntityMappingType entity) {
			List<EntityMappingType> subtypes = new ArrayList<>();
			BulkLoader.this.factory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
				if (persister.isTypeOrSuperType(entity)) {
					subtypes.add(persister);
				}
			});
			return subtypes;
		}

	}

	/** Proxies of one entity name, and the loaders for them. */
	private final class EntityGroup {

		private final EntityMappingType entity;

		private final Map<Integer, EntityChunkLoader> loaders = new ConcurrentHashMap<>();

		EntityGroup(EntityMappingType entity) {
			this.entity = entity;
		}

		EntityMappingType entity() {
			return this.entity;
		}

		EntityChunkLoader loader(int keys, LoadQueryInfluencers influencers) {
			boolean byArray = BulkLoader.this.arrayParameter;
			return loaderFor(this.loaders, this.entity, loaderSize(keys, byArray), influencers,
					(size, effective) -> EntityChunkLoader.create(size, byArray, this.entity, effective));
		}

	}

	/** Collections of one role, and the loaders for them. */
	private final class CollectionGroup {

		private final PluralAttributeMapping mapping;

		private final Association association;

		private final ArraySelect arraySelect;

		private final Map<Integer, CollectionChunkLoader> loaders = new ConcurrentHashMap<>();

		CollectionGroup(PluralAttributeMapping mapping, Association association) {
			this.mapping = mapping;
			this.association = association;
			this.arraySelect = CollectionChunkLoader.hasPlainKey(mapping) ? BulkLoader.this.arraySelect : null;
		}

		PluralAttributeMapping mapping() {
			return this.mapping;
		}

		Association association() {
			return this.association;
		}

		CollectionChunkLoader loader(int keys, LoadQueryInfluencers influencers) {
			return loaderFor(this.loaders, this.mapping, loaderSize(keys, this.arraySelect != null), influencers,
					(size, effective) -> CollectionChunkLoader.create(size, this.arraySelect, this.mapping, effective,
							BulkLoader.this.factory));
		}

	}

}
