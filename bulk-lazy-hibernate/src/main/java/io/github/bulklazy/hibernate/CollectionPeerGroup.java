package io.github.bulklazy.hibernate;

import java.util.Collection;
import java.util.List;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.spi.Loadable;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.jspecify.annotations.Nullable;

/** The uninitialized collections of one role. */
final class CollectionPeerGroup extends PeerGroup<PersistentCollection<?>, CollectionChunkLoader> {

	private final PluralAttributeMapping mapping;

	private final Association association;

	private final @Nullable ArraySelect arraySelect;

	/**
	 * @param chunkSize the plan's keys per statement, divided among the columns of a composite key
	 * @param arraySelect the array select of the running Hibernate on a dialect that takes arrays,
	 * or {@code null} for IN lists
	 */
	CollectionPeerGroup(PluralAttributeMapping mapping, Association association, int chunkSize,
			@Nullable ArraySelect arraySelect, SessionFactoryImplementor factory) {
		super(association.role(), ChunkSizes.perKey(chunkSize, mapping.getKeyDescriptor().getJdbcTypeCount()),
				factory);
		this.mapping = mapping;
		this.association = association;
		this.arraySelect = CollectionChunkLoader.hasPlainKey(mapping) ? arraySelect : null;
	}

	Association association() {
		return this.association;
	}

	/** Whether Hibernate serves the collection from its second-level cache. */
	boolean isCached(Object key, EventSource session) {
		return HibernateLoads.isCached(this.mapping.getCollectionDescriptor(), key, session);
	}

	@Override
	Loadable loadable() {
		return this.mapping;
	}

	@Override
	boolean takesArray() {
		return this.arraySelect != null;
	}

	@Override
	CollectionChunkLoader createLoader(int size, LoadQueryInfluencers influencers) {
		return CollectionChunkLoader.create(size, this.arraySelect, this.mapping, influencers, factory());
	}

	@Override
	Collection<PersistentCollection<?>> takePeers(SessionPeers peers) {
		return peers.takeCollections(this.association.role());
	}

	@Override
	boolean isSame(PersistentCollection<?> peer, PersistentCollection<?> trigger) {
		return peer == trigger;
	}

	/**
	 * Whether a peer collection is loaded with the one being read: not initialized, of an owner
	 * still in the session. One with queued operations (an element added to an inverse collection
	 * without reading it) is left to Hibernate: loaded now, it would keep elements that a flush
	 * before its first read discards.
	 */
	@Override
	boolean needsLoading(PersistentCollection<?> collection, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		CollectionEntry entry = context.getCollectionEntry(collection);
		if (collection.wasInitialized() || collection.hasQueuedOperations() || entry == null
				|| entry.getLoadedKey() == null) {
			return false;
		}
		EntityEntry owner = context.getEntry(collection.getOwner());
		return owner != null && !owner.getStatus().isDeletedOrGone() && !isCached(entry.getLoadedKey(), session);
	}

	@Override
	void loadChunk(CollectionChunkLoader loader, List<PersistentCollection<?>> chunk, @Nullable Boolean readOnly,
			EventSource session) {
		loader.load(chunk, session);
	}

	@Override
	int countLoaded(List<PersistentCollection<?>> chunk, SessionPeers peers, EventSource session) {
		return (int) chunk.stream().filter(PersistentCollection::wasInitialized).count();
	}

}
