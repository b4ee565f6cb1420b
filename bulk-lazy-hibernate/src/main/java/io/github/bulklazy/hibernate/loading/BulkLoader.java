package io.github.bulklazy.hibernate.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.internal.DeferredToOne;
import io.github.bulklazy.hibernate.internal.EagerTargets;
import io.github.bulklazy.hibernate.internal.EnhancedProxyReads;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import io.github.bulklazy.hibernate.loading.RuntimeModel.Slots;
import org.hibernate.LockMode;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * The engine of one session factory: records the lazy proxies and collections of each session
 * as their owners load, and when one of them is first read, has its {@link PeerGroup} load it
 * with every waiting peer. {@link BulkLazyListener} calls it from Hibernate's events, ahead of
 * Hibernate's own listeners, which then find the entity or collection loaded; Hibernate's loader of
 * an enhanced entity calls it when an enhanced proxy is read, which fires no event.
 */
public final class BulkLoader implements EnhancedProxyReads {

	private final SessionFactoryImplementor factory;

	private final BulkLazyPlan plan;

	private final Map<String, AssociationCounters> counters;

	private final HibernateAccess access;

	private final SessionPeersRegistry sessions;

	private final PeerRecorder recorder;

	/** The runtime model; {@code null} until {@link #start()}, and for good if it failed. */
	private volatile @Nullable RuntimeModel model;

	/**
	 * Creates the engine of a session factory; it acts once {@link #start()} has run.
	 * @param counters the counters of the plan's associations, by name
	 * @param access the running Hibernate line's
	 */
	public BulkLoader(SessionFactoryImplementor factory, BulkLazyPlan plan, Map<String, AssociationCounters> counters,
			HibernateAccess access) {
		this.factory = factory;
		this.plan = plan;
		this.counters = Map.copyOf(counters);
		this.access = access;
		this.sessions = new SessionPeersRegistry(plan.scope());
		this.recorder = new PeerRecorder(this.sessions);
	}

	/** Registers the engine's listeners for Hibernate's events, ahead of Hibernate's own where it loads. */
	public void listenTo(EventListenerRegistry listeners) {
		BulkLazyListener listener = new BulkLazyListener(this);
		listeners.appendListeners(EventType.POST_LOAD, listener);
		listeners.prependListeners(EventType.LOAD, listener);
		listeners.appendListeners(EventType.LOAD, new BulkLazyListener.References(this));
		listeners.prependListeners(EventType.INIT_COLLECTION, listener);
		listeners.appendListeners(EventType.EVICT, listener);
		listeners.appendListeners(EventType.CLEAR, listener);
	}

	/**
	 * Builds the runtime model, once the session factory's persisters exist, with one loader of
	 * each kind: what the engine builds from Hibernate's internals fails here, at start-up.
	 * @throws RuntimeException or {@link LinkageError} when a loader cannot be built; the engine
	 * then stays inactive
	 */
	public void start() {
		RuntimeModel built = new RuntimeModel(this.factory, this.plan, this.access);
		// attached first, so that the selects built next defer the to-ones of what they load
		List<EagerTargets> targets = new ArrayList<>();
		built.eagerToOnes.forEach((toOne, association) -> {
			targets.add(eagerTargets(toOne, association, built));
			toOne.attach(targets.get(targets.size() - 1));
		});
		try {
			targets.forEach(EagerTargets::buildSelect);
			built.buildOneLoaderOfEachKind();
		}
		catch (RuntimeException | LinkageError ex) {
			built.eagerToOnes.keySet().forEach((toOne) -> toOne.attach(null));
			throw ex;
		}
		this.model = built;
	}

	/**
	 * Loads the targets of a deferred to-one: by unique key, or by id with the read-only mode of a
	 * load Hibernate would run.
	 */
	private EagerTargets eagerTargets(DeferredToOne toOne, Association association, RuntimeModel model) {
		AssociationCounters counters = counters(association);
		String uniqueKey = toOne.uniqueKeyProperty();
		if (uniqueKey != null) {
			return new UniqueKeyTargets(toOne.target(), uniqueKey, this.plan.chunkSize(), this.access, counters,
					this.sessions);
		}
		EntityPeerGroup group = model.entityGroup(association.targetEntity());
		return (ids, session) -> group.loadTargets(ids, this.sessions.findOrCreate(session),
				session.getLoadQueryInfluencers().getReadOnly(), counters, session);
	}

	private AssociationCounters counters(Association association) {
		return Objects.requireNonNull(this.counters.get(association.name()), association.name());
	}

	/**
	 * Records the uninitialized lazy associations of an entity that was just loaded. The entity's
	 * own class decides which associations it holds: the event's persister can be that of a proxy
	 * of another subclass registered for the same id.
	 */
	void entityLoaded(EventSource session, Object entity) {
		RuntimeModel model = this.model;
		Slots slots = (model != null) ? model.slotsByClass.get(entity.getClass()) : null;
		if (model != null && slots != null) {
			this.recorder.entityLoaded(model, slots, entity, session);
		}
	}

	/** Notes a {@code find}: what it loads, from a statement or the second-level cache, is a peer scope of its own. */
	void entityRequested(EventSource session) {
		SessionPeers peers = this.sessions.find(session);
		if (peers != null) {
			peers.loadStarted();
		}
	}

	/** Records a proxy that {@code getReference} returned uninitialized, with its entity's references. */
	void referenceReturned(EventSource session, @Nullable Object reference) {
		RuntimeModel model = this.model;
		if (model != null) {
			this.recorder.referenceReturned(model, reference, session);
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
		RuntimeModel model = this.model;
		if (peers == null || model == null || lockMode != LockMode.NONE) {
			return;
		}
		Association association = peers.proxyAssociation(entityName, id);
		if (association == null) {
			return;
		}
		if (association.mode() != Mode.BULK || peers.isSwitchedOff()) {
			peers.forgetProxy(entityName, id);
			EntityPersister persister = this.factory.getMappingMetamodel().getEntityDescriptor(entityName);
			counters(association).hibernateLoad(HibernateLoads.of(persister, id, session), persister.getBatchSize(),
					peers);
			return;
		}
		EntityPeerGroup group = model.entityGroup(entityName);
		if (!group.isCached(id, session)) {
			group.load(id, peers, readOnly, counters(association), session);
		}
	}

	@Override
	public boolean loadWithPeers(EventSource session, Object instance, String entityName, Object id, LockMode lockMode,
			@Nullable Boolean readOnly) {
		if (!Proxies.isUninitializedEnhancedEntity(instance)) {
			return false;
		}
		proxyInitializing(session, entityName, id, lockMode, readOnly);
		return !Proxies.isUninitializedEnhancedEntity(instance);
	}

	/**
	 * Initializes the collection being read together with every waiting collection of the same
	 * role. Initialized collections, collections of other sessions and of removed owners, and
	 * those the second-level cache holds are left alone.
	 */
	void collectionInitializing(EventSource session, PersistentCollection<?> collection) {
		CollectionEntry entry = session.getPersistenceContextInternal().getCollectionEntry(collection);
		RuntimeModel model = this.model;
		if (model == null || collection.wasInitialized() || entry == null || entry.getLoadedPersister() == null) {
			return;
		}
		String role = entry.getLoadedPersister().getRole();
		CollectionPeerGroup group = model.collectionGroups.get(role);
		SessionPeers found = this.sessions.find(session);
		if (group == null || (found != null && found.isSwitchedOff())) {
			Association association = (group != null) ? group.association() : model.collectionAssociations.get(role);
			if (association != null) {
				CollectionPersister persister = entry.getLoadedPersister();
				counters(association).hibernateLoad(
						HibernateLoads.of(persister, entry.getLoadedKey(), collection.getOwner(), session),
						persister.getBatchSize(), this.sessions.findOrCreate(session));
			}
			return;
		}
		if (!group.isCached(entry.getLoadedKey(), session)) {
			SessionPeers peers = (found != null) ? found : this.sessions.findOrCreate(session);
			List<PersistentCollection<?>> loaded = group.load(collection, peers, null, counters(group.association()),
					session);
			this.recorder.elementsLoaded(model, loaded, role, peers, session);
		}
	}

	/** Switches bulk loading off or back on for one session. */
	public void switchOff(SharedSessionContractImplementor session, boolean off) {
		this.sessions.findOrCreate(session).switchOff(off);
	}

	/** Whether the engine bulk-loads the session's associations: started, and not switched off for it. */
	public boolean isOn(SharedSessionContractImplementor session) {
		SessionPeers peers = this.sessions.find(session);
		return this.model != null && (peers == null || !peers.isSwitchedOff());
	}

	/** The engine of a session factory, or {@code null} if bulk-lazy is not installed in it. */
	public static @Nullable BulkLoader of(SessionFactoryImplementor factory) {
		for (LoadEventListener listener : factory.getServiceRegistry()
			.requireService(EventListenerRegistry.class)
			.getEventListenerGroup(EventType.LOAD)
			.listeners()) {
			if (listener instanceof BulkLazyListener bulkLazy) {
				return bulkLazy.loader();
			}
		}
		return null;
	}

	/**
	 * Lets the session's record drop the collections of an entity evicted or detached from it,
	 * which the persistence context no longer holds either.
	 */
	void entityEvicted(EventSource session, Object entity) {
		SessionPeers peers = this.sessions.find(session);
		RuntimeModel model = this.model;
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

}
