package io.github.bulklazy.hibernate.loading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bulklazy.hibernate.loading.RemainingNPlusOnes.OneKeyLoad;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.spi.Loadable;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The proxies of one entity name or the collections of one role, and the routine that loads the
 * one being read together with every peer still waiting for it: take the peers, keep those that
 * still need loading, load them chunk by chunk, count what each statement loaded.
 *
 * @param <T> what a peer is: an id, or a collection
 * @param <L> the chunk loader
 */
abstract class PeerGroup<T, L> {

	private static final Logger logger = Logger.getLogger(PeerGroup.class);

	private final String name;

	private final int chunkSize;

	private final SessionFactoryImplementor factory;

	private final Map<Integer, L> loaders = new ConcurrentHashMap<>();

	/** Set when a loader could not be built: the group then leaves its loads to Hibernate. */
	private volatile boolean broken;

	PeerGroup(String name, int chunkSize, SessionFactoryImplementor factory) {
		this.name = name;
		this.chunkSize = chunkSize;
		this.factory = factory;
	}

	/**
	 * Loads the peer being read and every waiting peer of the group, unless a load of the group
	 * is already running further up the stack. If a chunk that carries peers fails, the exception
	 * reaches the read that triggered the load, as in plain lazy loading; the failed statement may
	 * have left peers half-loaded in the persistence context, where plain Hibernate would not have
	 * loaded them at all, so the transaction is marked rollback-only: nothing of that state is
	 * ever written. A group whose loader cannot be built drops its waiting peers, which Hibernate
	 * then loads as they are read; the read that meets it counts as a fallback. A load of one key
	 * (no peer waiting, or a removal waiting for the flush) is told to {@link RemainingNPlusOnes}
	 * before it runs, which may refuse it.
	 * <p>
	 * While the session holds a removal it has not flushed, the peer being read loads alone and
	 * the others wait for a later load: a peer loaded then could reach the removed entity through
	 * what loads with it (an inverse one-to-one, an EAGER to-one), which plain Hibernate, never
	 * loading that peer, does not meet, and the flush would fail on it.
	 * @return what the load covered: the trigger and its peers; none if a load was already running,
	 * a removal waits for the flush, or the group's loader cannot be built
	 */
	final List<T> load(T trigger, SessionPeers peers, @Nullable Boolean readOnly, AssociationCounters counters,
			EventSource session) {
		if (session.getActionQueue().numberOfDeletions() > 0) {
			counters.oneKeyLoad(OneKeyLoad.REMOVAL_PENDING, peers);
			return List.of();
		}
		if (!peers.startLoading(this.name)) {
			return List.of();
		}
		try {
			Collection<T> waiting = takePeers(trigger, peers, session);
			if (this.broken) {
				counters.fallbackLoad(peers);
				return List.of();
			}
			List<T> items = new ArrayList<>();
			items.add(trigger);
			if (!loadsAlone(trigger, session)) {
				for (T peer : waiting) {
					if (!isSame(peer, trigger) && needsLoading(peer, session)) {
						items.add(peer);
					}
				}
			}
			if (items.size() == 1) {
				counters.oneKeyLoad(OneKeyLoad.ALONE, peers);
			}
			if (!loadChunks(items, true, peers, readOnly, counters, session) && items.size() > 1) {
				counters.fallbackLoad(peers);
			}
			return items;
		}
		finally {
			peers.finishLoading(this.name);
		}
	}

	/**
	 * Loads the items chunk by chunk, in one peer scope, and counts each statement. If a chunk that
	 * carries several items fails, the transaction is marked rollback-only (see {@link #load}) and
	 * the exception thrown.
	 * @param newScope whether the loaded entities open a new scope, or join the current one
	 * @return {@code false} if it stopped because the loader of a chunk cannot be built, leaving
	 * the rest to Hibernate
	 */
	final boolean loadChunks(List<T> items, boolean newScope, SessionPeers peers, @Nullable Boolean readOnly,
			AssociationCounters counters, EventSource session) {
		return peers.inOneScope(newScope, () -> counters.observeBulkLoad(items.size(),
				() -> loadEachChunk(items, peers, readOnly, counters, session)));
	}

	private boolean loadEachChunk(List<T> items, SessionPeers peers, @Nullable Boolean readOnly,
			AssociationCounters counters, EventSource session) {
		for (int from = 0; from < items.size(); from += this.chunkSize) {
			List<T> chunk = items.subList(from, Math.min(items.size(), from + this.chunkSize));
			L loader = loaderOrNull(chunk.size(), session.getLoadQueryInfluencers());
			if (loader == null) {
				return false;
			}
			try {
				loadChunk(loader, chunk, readOnly, session);
			}
			catch (RuntimeException ex) {
				if (items.size() > 1 && session.isTransactionInProgress()) {
					session.markForRollbackOnly();
					logger.warnf("bulk-lazy: a bulk load of %d peers failed; the transaction is marked "
							+ "rollback-only, as the persistence context may hold some of them half-loaded: %s",
							items.size(), ex);
				}
				throw ex;
			}
			counters.bulkStatement(chunk.size(), countLoaded(chunk, peers, session));
		}
		return true;
	}

	/**
	 * The loader for a chunk of keys: built once per size, like Hibernate's own loaders, unless the
	 * session's enabled filters, fetch profiles or entity graph change its SQL. One array
	 * parameter takes any chunk; an IN list is padded to the next power of two, so a statement
	 * carries at most twice the placeholders it needs and a group has only a few SQL shapes.
	 */
	final L loader(int keys, LoadQueryInfluencers influencers) {
		int size = takesArray() ? this.chunkSize
				: Math.min(this.chunkSize, Integer.highestOneBit(Math.max(1, keys - 1)) << 1);
		if (loadable().isAffectedByInfluencers(influencers, true)) {
			return createLoader(size, influencers);
		}
		return this.loaders.computeIfAbsent(size, (key) -> createLoader(size, new LoadQueryInfluencers(this.factory)));
	}

	/**
	 * The loader for a chunk of keys, or {@code null} if it cannot be built, which is logged. When
	 * the loader shared by every session fails, the group leaves its loads to Hibernate from then
	 * on; when one built for a session's filters, fetch profiles or entity graph fails, only that
	 * load does. One loader of each kind is built at start-up ({@link #buildLoader()}), so this
	 * happens only where the loader of one mapping, or of one session's influencers, fails.
	 */
	private @Nullable L loaderOrNull(int keys, LoadQueryInfluencers influencers) {
		if (this.broken) {
			return null;
		}
		try {
			return loader(keys, influencers);
		}
		catch (RuntimeException | LinkageError ex) {
			if (loadable().isAffectedByInfluencers(influencers, true)) {
				logger.warnf(ex, "bulk-lazy: this load of %s is left to plain Hibernate: its loader for the session's "
						+ "filters, fetch profiles or entity graph cannot be built (%s)", this.name, ex);
			}
			else {
				this.broken = true;
				logger.warnf(ex, "bulk-lazy: %s is loaded by plain Hibernate from now on: its loader cannot be built "
						+ "(%s)", this.name, ex);
			}
			return null;
		}
	}

	/** Builds the loader of the largest chunk, so that what it needs of Hibernate fails at start-up if at all. */
	final void buildLoader() {
		loader(this.chunkSize, new LoadQueryInfluencers(this.factory));
	}

	/** What tells the loaders of groups apart: their class and whether they bind an array. */
	final Object loaderKind() {
		return List.of(getClass(), takesArray());
	}

	abstract Loadable loadable();

	/** Whether the loaders bind one array parameter rather than an IN list. */
	abstract boolean takesArray();

	abstract L createLoader(int size, LoadQueryInfluencers influencers);

	/**
	 * Takes the peers that wait in the scope of the one being read and may load with it; a group
	 * may leave some waiting for another load.
	 */
	abstract Collection<T> takePeers(T trigger, SessionPeers peers, EventSource session);

	abstract boolean isSame(T peer, T trigger);

	/** Whether a waiting peer still needs loading: not loaded meanwhile, not served by the cache. */
	abstract boolean needsLoading(T peer, EventSource session);

	/** Whether the one being read loads without the peers it took, which then load as they are read. */
	boolean loadsAlone(T trigger, EventSource session) {
		return false;
	}

	abstract void loadChunk(L loader, List<T> chunk, @Nullable Boolean readOnly, EventSource session);

	/** How many of the chunk's peers the statement loaded; a group may note in the record those it did not find. */
	abstract int countLoaded(List<T> chunk, SessionPeers peers, EventSource session);

}
