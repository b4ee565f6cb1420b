package io.github.bulklazy.hibernate.loading;

import java.util.Collection;
import java.util.List;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.internal.CollectionChunkLoader;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import io.github.bulklazy.hibernate.planning.ChunkSizes;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.spi.Loadable;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.jspecify.annotations.Nullable;

/** The uninitialized collections of one role. */
final class CollectionPeerGroup extends PeerGroup<PersistentCollection<?>, CollectionChunkLoader> {

	private final PluralAttributeMapping mapping;

	private final Association association;

	private final boolean arrayParameter;

	private final HibernateAccess access;

	/**
	 * @param chunkSize the plan's keys per statement, divided among the columns of a composite key
	 * @param arrayParameter whether the dialect takes an array parameter, which carries a plain key
	 */
	CollectionPeerGroup(PluralAttributeMapping mapping, Association association, int chunkSize, boolean arrayParameter,
			HibernateAccess access) {
		super(association.role(), ChunkSizes.perKey(chunkSize, mapping.getKeyDescriptor().getJdbcTypeCount()),
				mapping.getCollectionDescriptor().getFactory());
		this.mapping = mapping;
		this.association = association;
		this.arrayParameter = arrayParameter && hasPlainKey(mapping);
		this.access = access;
	}

	/** Whether the role's key is one column without a converter, which an array parameter can carry. */
	private static boolean hasPlainKey(PluralAttributeMapping attribute) {
		var key = attribute.getKeyDescriptor();
		return !key.isEmbedded() && key.getKeyPart().getSingleJdbcMapping().getValueConverter() == null;
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
		return this.arrayParameter;
	}

	@Override
	CollectionChunkLoader createLoader(int size, LoadQueryInfluencers influencers) {
		return this.access.collectionLoader(size, this.arrayParameter, this.mapping, influencers);
	}

	@Override
	Collection<PersistentCollection<?>> takePeers(PersistentCollection<?> trigger, SessionPeers peers,
			EventSource session) {
		return peers.takeCollections(this.association.role(), trigger);
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
