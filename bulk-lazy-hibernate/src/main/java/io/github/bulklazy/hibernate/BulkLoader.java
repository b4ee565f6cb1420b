package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;

import org.hibernate.LockMode;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.Getter;
import org.jspecify.annotations.Nullable;

/**
 * The engine of one session factory: records the lazy proxies and collections of each session
 * as their owners load, and when one of them is first read, has its {@link PeerGroup} load it
 * with every waiting peer. {@link BulkLazyListener} calls it from Hibernate's events, ahead of
 * Hibernate's own listeners, which then find the entity or collection loaded; the loader of
 * {@link EnhancedProxyLoaders} calls it when an enhanced proxy is read, which fires no event.
 */
final class BulkLoader {

	private final SessionFactoryImplementor factory;

	private final BulkLazyPlan plan;

	private final boolean arrayParameter;

	private final @Nullable ArraySelect arraySelect;

	private final SessionPeersRegistry sessions = new SessionPeersRegistry();

	/** The runtime model; {@code null} until {@link #start()}, and for good if it failed. */
	private volatile @Nullable Groups groups;

	/**
	 * Creates the engine of a session factory; it acts once {@link #start()} has run.
	 * @param arraySelect the array select of the running Hibernate on a dialect that takes arrays,
	 * or {@code null} to load collections through IN lists
	 */
	BulkLoader(SessionFactoryImplementor factory, BulkLazyPlan plan, @Nullable ArraySelect arraySelect) {
		this.factory = factory;
		this.plan = plan;
		this.arrayParameter = factory.getJdbcServices().getDialect().useArrayForMultiValuedParameters();
		this.arraySelect = arraySelect;
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
		// attached first, so that the selects built next defer the to-ones of what they load
		List<EagerTargets> targets = new ArrayList<>();
		built.eagerToOnes.forEach((toOne, association) -> {
			targets.add(eagerTargets(toOne, association, built));
			toOne.attach(targets.get(targets.size() - 1));
		});
		try {
			targets.forEach(EagerTargets::buildSelect);
			built.entityGroups.values().forEach(PeerGroup::buildLoader);
			built.collectionGroups.values().forEach(PeerGroup::buildLoader);
		}
		catch (RuntimeException | LinkageError ex) {
			built.eagerToOnes.keySet().forEach((toOne) -> toOne.attach(null));
			throw ex;
		}
		this.groups = built;
	}

	/**
	 * Loads the targets of a deferred EAGER to-one: by unique key, or by id with the read-only mode
	 * of a load Hibernate would run.
	 */
	private EagerTargets eagerTargets(DeferredEagerToOne toOne, Association association, Groups model) {
		AssociationStatistics statistics = this.plan.statistics(association);
		if (toOne.getReferencedPropertyName() != null) {
			return new UniqueKeyTargets(toOne.getEntityMappingType().getEntityPersister(),
					toOne.getReferencedPropertyName(), this.plan.chunkSize(), this.arraySelect, statistics);
		}
		EntityPeerGroup group = model.entityGroups.get(association.targetEntity());
		return (ids, session) -> group.loadTargets(ids, this.sessions.findOrCreate(session),
				session.getLoadQueryInfluencers().getReadOnly(), statistics, session);
	}

	/**
	 * Records the uninitialized lazy associations of an entity that was just loaded. The entity's
	 * own class decides which associations it holds: the event's persister can be that of a proxy
	 * of another subclass registered for the same id.
	 */
	void entityLoaded(EventSource session, Object entity) {
		Groups model = this.groups;
		Slots slots = (model != null) ? model.slotsByClass.get(entity.getClass()) : null;
		if (slots == null) {
			return;
		}
		SessionPeers peers = recordProxies(entity, slots.toOnes(), model, null, session);
		for (CollectionSlot slot : slots.collections()) {
			if (!(slot.getter().apply(entity) instanceof PersistentCollection<?> collection)) {
				continue;
			}
			if (!collection.wasInitialized()) {
				peers = (peers != null) ? peers : this.sessions.findOrCreate(session);
				peers.addCollection(slot.role(), collection);
			}
			else if (model.elementSlotsByRole.containsKey(slot.role())) {
				// fetched with its owner
				peers = elementsLoaded(List.of(collection), slot.role(), model, peers, session);
			}
		}
	}

	/**
	 * Records the waiting proxies inside the embeddable elements of collections of a role just
	 * loaded.
	 * @param peers the session's record, or {@code null} to create it only if a proxy waits
	 * @return the session's record, {@code null} if none was given and no proxy waits
	 */
	private @Nullable SessionPeers elementsLoaded(List<PersistentCollection<?>> collections, String role, Groups model,
			@Nullable SessionPeers peers, EventSource session) {
		List<ToOneSlot> slots = model.elementSlotsByRole.get(role);
		if (slots == null) {
			return peers;
		}
		SessionPeers record = peers;
		for (PersistentCollection<?> collection : collections) {
			CollectionEntry entry = session.getPersistenceContextInternal().getCollectionEntry(collection);
			if (entry == null || !collection.wasInitialized()) {
				continue;
			}
			for (Iterator<?> entries = collection.entries(entry.getLoadedPersister()); entries.hasNext();) {
				Object entryOrElement = entries.next();
				Object element = (entryOrElement instanceof Map.Entry<?, ?> mapEntry) ? mapEntry.getValue()
						: entryOrElement;
				if (element != null) {
					record = recordProxies(element, slots, model, record, session);
				}
			}
		}
		return record;
	}

	/**
	 * Records the waiting proxies an entity or an embeddable element holds in its to-one slots.
	 * @param peers the session's record, or {@code null} to create it only if a proxy waits
	 * @return the session's record, {@code null} if none was given and no proxy waits
	 */
	private @Nullable SessionPeers recordProxies(Object holder, List<ToOneSlot> slots, Groups model,
			@Nullable SessionPeers peers, EventSource session) {
		SessionPeers record = peers;
		for (ToOneSlot slot : slots) {
			Proxies.Waiting proxy = model.recordable(slot.getter().apply(holder));
			if (proxy != null) {
				record = (record != null) ? record : this.sessions.findOrCreate(session);
				record.addProxy(proxy, slot.association());
			}
		}
		return record;
	}

	/** Records a proxy that {@code getReference} returned uninitialized, with its entity's references. */
	void referenceReturned(EventSource session, @Nullable Object reference) {
		Groups model = this.groups;
		Proxies.Waiting proxy = (model != null) ? model.recordable(reference) : null;
		Association association = (proxy != null) ? model.referenceAssociations.get(proxy.entityName()) : null;
		if (association != null) {
			this.sessions.findOrCreate(session).addProxy(proxy, association);
		}
	}

	/**
	 * Loads the proxy being initialized together with every waiting proxy of the same entity name,
	 * with the loader Hibernate would use for each of them: proxies are grouped by their own entity
	 * name, as Hibernate's batch-fetch queue groups them, so that a proxy typed to a subclass and
	 * one typed to its root never share a load. Does nothing when the proxy was not reached through
	 * a bulk-loaded association (counted as a fallback when it was reached through another
	 * association and Hibernate selects it alone), under a lock, or when the second-level cache
	 * holds it: Hibernate then loads it as usual.
	 */
	void proxyInitializing(EventSource session, String entityName, Object id, LockMode lockMode,
			@Nullable Boolean readOnly) {
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
			if (HibernateLoads.selectsAlone(this.factory.getMappingMetamodel().getEntityDescriptor(entityName), id,
					session)) {
				this.plan.statistics(association).fallbackLoad();
			}
			return;
		}
		EntityPeerGroup group = model.entityGroups.get(entityName);
		if (!group.isCached(id, session)) {
			group.load(id, peers, readOnly, this.plan.statistics(association), session);
		}
	}

	/**
	 * Initializes the collection being read together with every waiting collection of the same
	 * role. Initialized collections, collections of other sessions and of removed owners, and
	 * those the second-level cache holds are left alone.
	 */
	void collectionInitializing(EventSource session, PersistentCollection<?> collection) {
		CollectionEntry entry = session.getPersistenceContextInternal().getCollectionEntry(collection);
		Groups model = this.groups;
		if (model == null || collection.wasInitialized() || entry == null || entry.getLoadedPersister() == null) {
			return;
		}
		String role = entry.getLoadedPersister().getRole();
		CollectionPeerGroup group = model.collectionGroups.get(role);
		if (group == null) {
			Association association = model.collectionAssociations.get(role);
			if (association != null
					&& HibernateLoads.selectsAlone(entry.getLoadedPersister(), entry.getLoadedKey(), session)) {
				this.plan.statistics(association).fallbackLoad();
			}
			return;
		}
		if (!group.isCached(entry.getLoadedKey(), session)) {
			SessionPeers peers = this.sessions.findOrCreate(session);
			List<PersistentCollection<?>> loaded = group.load(collection, peers, null,
					this.plan.statistics(group.association()), session);
			elementsLoaded(loaded, role, model, peers, session);
		}
	}

	/**
	 * Lets the session's record drop the collections of an entity evicted or detached from it,
	 * which the persistence context no longer holds either.
	 */
	void entityEvicted(EventSource session, Object entity) {
		SessionPeers peers = this.sessions.find(session);
		Groups model = this.groups;
		Slots slots = (model != null) ? model.slotsByClass.get(entity.getClass()) : null;
		if (peers != null && slots != null && !slots.collections().isEmpty()) {
			peers.ownerEvicted(slots.collections().size(), session.getPersistenceContextInternal());
		}
	}

	/** Forgets every peer of a session whose persistence context was cleared. */
	void sessionCleared(EventSource session) {
		SessionPeers peers = this.sessions.find(session);
		if (peers != null) {
			peers.clear();
		}
	}

	private record ToOneSlot(Function<Object, @Nullable Object> getter, Association association) {
	}

	private record CollectionSlot(Function<Object, @Nullable Object> getter, String role) {
	}

	private record Slots(List<ToOneSlot> toOnes, List<CollectionSlot> collections) {
	}

	private record ElementSlot(String role, ToOneSlot slot) {
	}

	/**
	 * The runtime model: which lazy associations the instances of each entity class hold
	 * (inherited ones included), and the loaders of each peer group.
	 */
	private final class Groups {

		final Map<Class<?>, Slots> slotsByClass = new HashMap<>();

		final Map<String, EntityPeerGroup> entityGroups = new HashMap<>();

		final Map<String, CollectionPeerGroup> collectionGroups = new HashMap<>();

		final Map<String, Association> collectionAssociations = new HashMap<>();

		/** The references of each entity that has a proxy. */
		final Map<String, Association> referenceAssociations = new HashMap<>();

		/** The EAGER to-ones whose targets the engine loads, with their associations. */
		final Map<DeferredEagerToOne, Association> eagerToOnes = new HashMap<>();

		/** The to-ones inside the embeddable elements of each collection role. */
		final Map<String, List<ToOneSlot>> elementSlotsByRole = new HashMap<>();

		Groups() {
			var metamodel = BulkLoader.this.factory.getMappingMetamodel();
			Map<Class<?>, List<ToOneSlot>> toOnes = new HashMap<>();
			Map<Class<?>, List<CollectionSlot>> collections = new HashMap<>();
			for (Association association : BulkLoader.this.plan.associations()) {
				EntityPersister owner = metamodel.getEntityDescriptor(association.ownerEntity());
				if (association.kind() == Kind.REFERENCE) {
					this.referenceAssociations.put(owner.getEntityName(), association);
					if (association.mode() == Mode.BULK) {
						entityGroup(owner);
					}
					continue;
				}
				ElementSlot element = elementSlot(owner, association);
				if (element != null) {
					if (association.mode() == Mode.BULK) {
						subtypesOf(metamodel.getEntityDescriptor(association.targetEntity())).forEach(this::entityGroup);
					}
					this.elementSlotsByRole.computeIfAbsent(element.role(), (key) -> new ArrayList<>()).add(element.slot());
					continue;
				}
				Function<Object, @Nullable Object> getter = getter(owner, association.attribute());
				if (association.kind() == Kind.COLLECTION) {
					this.collectionAssociations.put(association.role(), association);
				}
				if (getter == null || (association.mode() != Mode.BULK && association.kind() == Kind.COLLECTION)) {
					continue;
				}
				List<Class<?>> holders = subtypesOf(owner).stream()
					.map(EntityMappingType::getMappedJavaType)
					.<Class<?>>map((type) -> type.getJavaTypeClass())
					.toList();
				if (association.kind() != Kind.COLLECTION) {
					if (association.mode() == Mode.BULK) {
						// a proxy of the target or, narrowed, of any of its subclasses
						subtypesOf(metamodel.getEntityDescriptor(association.targetEntity())).forEach(this::entityGroup);
					}
					if (association.kind() == Kind.EAGER_TO_ONE && association.mode() == Mode.BULK) {
						if (!(owner.findAttributeMapping(association.attribute()) instanceof DeferredEagerToOne toOne)) {
							throw new IllegalStateException(association.name() + " is not mapped by bulk-lazy's persister");
						}
						this.eagerToOnes.put(toOne, association);
					}
					ToOneSlot slot = new ToOneSlot(getter, association);
					holders.forEach((holder) -> toOnes.computeIfAbsent(holder, (key) -> new ArrayList<>()).add(slot));
				}
				else {
					PluralAttributeMapping plural = metamodel.getCollectionDescriptor(association.role())
						.getAttributeMapping();
					this.collectionGroups.put(association.role(), new CollectionPeerGroup(plural, association,
							BulkLoader.this.plan.chunkSize(), BulkLoader.this.arraySelect, BulkLoader.this.factory));
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

		/**
		 * The value as a proxy the engine hears of when it is read, or {@code null}: Hibernate
		 * initializes an enhanced proxy without an event, so only those of the entities whose
		 * loader is bulk-lazy's (those with a peer group) are recorded.
		 */
		Proxies.@Nullable Waiting recordable(@Nullable Object value) {
			Proxies.Waiting proxy = Proxies.waiting(value);
			return (proxy != null && (!proxy.enhanced() || this.entityGroups.containsKey(proxy.entityName())))
					? proxy : null;
		}

		private void entityGroup(EntityMappingType entity) {
			this.entityGroups.computeIfAbsent(entity.getEntityName(), (name) -> new EntityPeerGroup(entity,
					BulkLoader.this.plan.chunkSize(), BulkLoader.this.arrayParameter, BulkLoader.this.factory));
		}

		/**
		 * Reads an attribute of the type's instances, or one inside its embeddables
		 * ({@code membership.school}); {@code null} when the type has no such attribute.
		 */
		private static @Nullable Function<Object, @Nullable Object> getter(ManagedMappingType type, String path) {
			int dot = path.indexOf('.');
			AttributeMapping attribute = type.findAttributeMapping((dot < 0) ? path : path.substring(0, dot));
			if (attribute == null) {
				return null;
			}
			Getter getter = attribute.getPropertyAccess().getGetter();
			if (dot < 0) {
				return getter::get;
			}
			if (!(attribute instanceof EmbeddableValuedModelPart embedded)) {
				return null;
			}
			Function<Object, @Nullable Object> inner = getter(embedded.getEmbeddableTypeDescriptor(),
					path.substring(dot + 1));
			return (inner == null) ? null : (holder) -> {
				Object value = getter.get(holder);
				return (value != null) ? inner.apply(value) : null;
			};
		}

		/**
		 * The slot of a to-one inside the embeddable elements of a collection
		 * ({@code visits.district}), with the collection's role; {@code null} for any other path.
		 */
		private static @Nullable ElementSlot elementSlot(EntityPersister owner, Association association) {
			String path = association.attribute();
			int dot = path.indexOf('.');
			if (dot < 0 || !(owner.findAttributeMapping(path.substring(0, dot)) instanceof PluralAttributeMapping plural)
					|| !(plural.getElementDescriptor() instanceof EmbeddableValuedModelPart element)) {
				return null;
			}
			Function<Object, @Nullable Object> getter = getter(element.getEmbeddableTypeDescriptor(),
					path.substring(dot + 1));
			return (getter != null) ? new ElementSlot(plural.getCollectionDescriptor().getRole(),
					new ToOneSlot(getter, association)) : null;
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

}
