package io.github.bulklazy.hibernate.loading;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.bulklazy.hibernate.internal.EntityChunkLoader;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import io.github.bulklazy.hibernate.planning.ChunkSizes;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.spi.Loadable;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.type.BasicType;
import org.jspecify.annotations.Nullable;

/**
 * The uninitialized proxies of one entity name, by id, loaded with that entity's loader: those
 * reached through associations and those {@code getReference} made.
 */
final class EntityPeerGroup extends PeerGroup<Object, EntityChunkLoader> {

	private final EntityMappingType entity;

	private final boolean arrayParameter;

	private final HibernateAccess access;

	/** The entities of the hierarchy that are neither supertypes nor subtypes of this one (Cat for Dog). */
	private final Set<String> siblings;

	/**
	 * @param chunkSize the plan's keys per statement, divided among the columns of a composite id
	 * @param arrayParameter whether the dialect takes an array parameter, which carries a plain id
	 * @param hierarchy the entities of the entity's inheritance hierarchy
	 */
	EntityPeerGroup(EntityMappingType entity, int chunkSize, boolean arrayParameter, HibernateAccess access,
			List<EntityMappingType> hierarchy) {
		super(entity.getEntityName(), ChunkSizes.perKey(chunkSize, entity.getIdentifierMapping().getJdbcTypeCount()),
				entity.getEntityPersister().getFactory());
		this.entity = entity;
		this.access = access;
		this.arrayParameter = arrayParameter && entity.getIdentifierMapping().getJdbcTypeCount() == 1
				&& entity.getEntityPersister().getIdentifierType() instanceof BasicType;
		this.siblings = hierarchy.stream()
			.filter((other) -> !other.isTypeOrSuperType(entity) && !entity.isTypeOrSuperType(other))
			.map(EntityMappingType::getEntityName)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether the second-level cache holds the entity, which Hibernate then serves without a statement. */
	boolean isCached(Object id, EventSource session) {
		return HibernateLoads.isCached(this.entity.getEntityPersister(), id, session);
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
		return this.access.entityLoader(size, this.arrayParameter, this.entity, influencers);
	}

	/**
	 * The recorded proxies of the entity as read-only as the one being read, and those that no
	 * longer wait. A proxy of the other state that still waits stays recorded, and a read of one of
	 * them loads them together: Hibernate 6.6 makes the proxies of a read-only entity's to-ones
	 * read-only, so loading a read-only peer early would make a proxy that a later {@code merge} or
	 * {@code find} initializes read-only, and a change to it would be lost, where plain Hibernate
	 * would load that entity modifiable (and the other way round).
	 * <p>
	 * Not those whose row a proxy of a sibling entity names as well (a {@code Cat} reference to a
	 * dog's row, besides the {@code Dog} proxy): loaded with its peers, the row would be in the
	 * session when that proxy is read, and Hibernate would hand it the dog where plain Hibernate
	 * fails to find a cat. Such a proxy loads when it is read, as in plain Hibernate.
	 */
	@Override
	Collection<Object> takePeers(Object trigger, SessionPeers peers, EventSource session) {
		boolean readOnly = isReadOnly(trigger, session);
		Set<Object> ids = peers.takeBulkProxyIds(this.entity.getEntityName(), trigger,
				(id) -> isReadOnly(id, session) == readOnly || !needsLoading(id, session));
		return this.siblings.isEmpty() ? ids
				: ids.stream().filter((id) -> !peers.waitsAsAnyOf(this.siblings, id)).toList();
	}

	@Override
	boolean isSame(Object peer, Object trigger) {
		return peer.equals(trigger);
	}

	@Override
	boolean needsLoading(Object id, EventSource session) {
		return isWaiting(id, session) && !isCached(id, session);
	}

	/**
	 * A proxy of an entity with subclasses that is not as read-only as the session's default: plain
	 * Hibernate may never initialize a peer, and a later load of its row as a subclass
	 * ({@code merge} of a detached {@code Cat} where the session holds an {@code Animal} proxy)
	 * narrows it to a new instance of the session's default, where a peer loaded early would keep
	 * the proxy's state: a change plain Hibernate writes would be lost, or the other way round.
	 */
	@Override
	boolean loadsAlone(Object trigger, EventSource session) {
		return this.entity.hasSubclasses() && isReadOnly(trigger, session) != session.isDefaultReadOnly();
	}

	/** Whether the session holds the row's proxy or entity read-only; {@code false} for neither. */
	private boolean isReadOnly(Object id, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		var key = session.generateEntityKey(id, this.entity.getEntityPersister());
		Object proxy = context.getProxy(key);
		if (proxy != null) {
			return context.isReadOnly(proxy);
		}
		Object entity = context.getEntity(key);
		EntityEntry entry = (entity != null) ? context.getEntry(entity) : null;
		return entry != null && entry.isReadOnly();
	}

	/**
	 * Whether the session holds the entity as an uninitialized proxy of either kind, not loaded,
	 * and without values set on it that a load would overwrite.
	 */
	private boolean isWaiting(Object id, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		var key = session.generateEntityKey(id, this.entity.getEntityPersister());
		Object entity = context.getEntity(key);
		return (entity != null) ? Proxies.isUninitializedEnhancedEntity(entity) && !Proxies.holdsUnloadedChanges(entity)
				: context.getProxy(key) instanceof HibernateProxy proxy
						&& proxy.getHibernateLazyInitializer().isUninitialized();
	}

	/**
	 * Loads the targets of an EAGER to-one that the session holds no entity for yet (an
	 * uninitialized proxy is filled in), but those the second-level cache holds, in the scope of
	 * the result that names them.
	 * @return the ids the statements did not find; none if a loader cannot be built, so that
	 * Hibernate loads each target it still misses
	 */
	Set<Object> loadTargets(List<Object> ids, SessionPeers peers, @Nullable Boolean readOnly,
			AssociationCounters counters, EventSource session) {
		List<Object> missing = ids.stream().filter((id) -> !isLoaded(id, session) && !isCached(id, session)).toList();
		if (missing.isEmpty() || !loadChunks(missing, false, peers, readOnly, counters, session)) {
			return Set.of();
		}
		Set<Object> notFound = new HashSet<>();
		missing.stream().filter((id) -> !isLoaded(id, session)).forEach(notFound::add);
		return notFound;
	}

	private boolean isLoaded(Object id, EventSource session) {
		Object entity = session.getPersistenceContextInternal()
			.getEntity(session.generateEntityKey(id, this.entity.getEntityPersister()));
		return entity != null && !Proxies.isUninitializedEnhancedEntity(entity);
	}

	@Override
	void loadChunk(EntityChunkLoader loader, List<Object> ids, @Nullable Boolean readOnly, EventSource session) {
		loader.load(ids.toArray(), readOnly, session);
	}

	/** Counts the entities loaded; notes the others, whose rows may be those of a sibling entity. */
	@Override
	int countLoaded(List<Object> ids, SessionPeers peers, EventSource session) {
		int loaded = 0;
		for (Object id : ids) {
			if (isLoaded(id, session)) {
				loaded++;
			}
			else if (!this.siblings.isEmpty()) {
				peers.notFound(this.entity.getEntityName(), id);
			}
		}
		return loaded;
	}

}
