package io.github.bulklazy.hibernate.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.PeerScope;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.PersistenceContext;
import org.jspecify.annotations.Nullable;

/**
 * The lazy proxies and collections of one session that wait to be loaded, by peer group: proxies
 * by their entity name, with the association that reached them; collections by role. Within a
 * group, peers are kept by scope: with {@link PeerScope#SESSION} every peer is in one scope; with
 * {@link PeerScope#QUERY} each statement the application runs starts a scope, and so does each bulk
 * load, whose statements all belong to it; a peer is in the scope current when its owner loaded.
 * Entries are added as their owners are loaded and taken all at once by the bulk load of their
 * group and scope, so each costs constant work. A flush does not touch them; a {@code clear()}
 * drops them; collections whose owners were evicted are dropped in batches, so the record never
 * holds more than about twice the collections the persistence context holds. Used by one session,
 * so by one thread at a time.
 */
final class SessionPeers {

	/** Evicted collections below which the record is never compacted. */
	private static final int COMPACTION_THRESHOLD = 64;

	private final boolean byQuery;

	private final Map<Peers, Map<Object, Association>> bulkProxies = new HashMap<>();

	/** With scopes by query, the scope of each waiting bulk proxy, by entity name and id. */
	private final Map<String, Map<Object, Long>> bulkProxyScopes = new HashMap<>();

	private final Map<String, Map<Object, Association>> otherProxies = new HashMap<>();

	private final Map<Peers, List<PersistentCollection<?>>> collectionsByRole = new HashMap<>();

	/** With scopes by query, the scope of each waiting collection. */
	private final Map<PersistentCollection<?>, Long> collectionScopes = new IdentityHashMap<>();

	/** By entity name, the ids of proxies a bulk load of that entity did not find. */
	private final Map<String, Set<Object>> notFound = new HashMap<>();

	private final Set<String> groupsLoading = new HashSet<>();

	/** The associations that loaded one key alone in the session; kept through {@link #clear()}. */
	private final Set<String> oneKeyLoads = new HashSet<>();

	/** Whether code switched bulk loading off for the session; kept through {@link #clear()}. */
	private boolean switchedOff;

	/** Collections recorded and not yet taken, including those of evicted owners. */
	private int collections;

	/** Collections of owners evicted since the record was last compacted, at most. */
	private int evicted;

	/** The scope peers are recorded in now, with scopes by query. */
	private long scope;

	/** The bulk loads running on the stack, whose statements stay in their scope. */
	private int bulkLoadsRunning;

	SessionPeers(PeerScope peerScope) {
		this.byQuery = peerScope == PeerScope.QUERY;
	}

	/** Notes that a statement starts: one that no bulk load runs starts a new scope. */
	void statementStarted() {
		if (this.bulkLoadsRunning == 0) {
			this.scope++;
		}
	}

	/**
	 * Runs a bulk load, whose statements, and what it loads, make one new scope; one nested in
	 * another belongs to the outer one's.
	 */
	<R> R inOneScope(Supplier<R> bulkLoad) {
		if (this.bulkLoadsRunning++ == 0) {
			this.scope++;
		}
		try {
			return bulkLoad.get();
		}
		finally {
			this.bulkLoadsRunning--;
		}
	}

	/**
	 * Records a proxy reached through an association. A proxy reached through a bulk-loaded
	 * association and through one that is not is bulk-loaded, with the first bulk-loaded
	 * association that reached it. A proxy is shared by every entity that names its row: it moves
	 * to the scope that reached it last, whose entities the application is likely to read next.
	 */
	void addProxy(Proxies.Waiting proxy, Association association) {
		String entityName = proxy.entityName();
		Object id = proxy.id();
		Long waitingScope = bulkProxyScope(entityName, id);
		if (association.mode() == Mode.BULK) {
			long current = currentScope();
			if (waitingScope == null || waitingScope != current) {
				Association first = (waitingScope != null) ? takeProxy(new Peers(entityName, waitingScope), id)
						: association;
				proxies(this.bulkProxies, new Peers(entityName, current)).put(id, first);
				if (this.byQuery) {
					this.bulkProxyScopes.computeIfAbsent(entityName, (key) -> new HashMap<>()).put(id, current);
				}
			}
			forgetProxy(entityName, id);
		}
		else if (waitingScope == null) {
			proxies(this.otherProxies, entityName).putIfAbsent(id, association);
		}
	}

	/** Takes a waiting proxy out of its scope. */
	private Association takeProxy(Peers peers, Object id) {
		Map<Object, Association> waiting = this.bulkProxies.getOrDefault(peers, new HashMap<>());
		Association association = Objects.requireNonNull(waiting.remove(id));
		if (waiting.isEmpty()) {
			this.bulkProxies.remove(peers);
		}
		return association;
	}

	/** The association through which a waiting proxy was reached, or {@code null}. */
	@Nullable Association proxyAssociation(String entityName, Object id) {
		Long proxyScope = bulkProxyScope(entityName, id);
		Map<Object, Association> waiting = (proxyScope != null) ? this.bulkProxies.get(new Peers(entityName, proxyScope))
				: this.otherProxies.get(entityName);
		return (waiting != null) ? waiting.get(id) : null;
	}

	/** Stops tracking a proxy that is not bulk-loaded, once Hibernate loads it. */
	void forgetProxy(String entityName, Object id) {
		Map<Object, Association> others = this.otherProxies.get(entityName);
		if (others != null) {
			others.remove(id);
		}
	}

	/**
	 * Takes the ids of every proxy of the root entity that waits for a bulk load in the scope of
	 * the one being read; with scopes by query, none if that one does not wait.
	 */
	Set<Object> takeBulkProxyIds(String entityName, Object triggerId) {
		Long triggerScope = this.byQuery ? bulkProxyScope(entityName, triggerId) : Long.valueOf(0L);
		Map<Object, Association> ids = (triggerScope != null) ? this.bulkProxies.remove(new Peers(entityName, triggerScope))
				: null;
		if (ids == null) {
			return Set.of();
		}
		if (this.byQuery) {
			Map<Object, Long> scopes = this.bulkProxyScopes.getOrDefault(entityName, new HashMap<>());
			ids.keySet().forEach(scopes::remove);
		}
		return ids.keySet();
	}

	/** Notes a proxy whose row a bulk load of its entity did not find: it may be a sibling entity's. */
	void notFound(String entityName, Object id) {
		this.notFound.computeIfAbsent(entityName, (key) -> new HashSet<>()).add(id);
	}

	/** Whether a proxy of one of the entities waits for the row, or names a row its entity lacks. */
	boolean waitsAsAnyOf(Set<String> entityNames, Object id) {
		for (String entityName : entityNames) {
			if (bulkProxyScope(entityName, id) != null
					|| this.otherProxies.getOrDefault(entityName, Map.of()).containsKey(id)
					|| this.notFound.getOrDefault(entityName, Set.of()).contains(id)) {
				return true;
			}
		}
		return false;
	}

	void addCollection(String role, PersistentCollection<?> collection) {
		long current = currentScope();
		this.collectionsByRole.computeIfAbsent(new Peers(role, current), (key) -> new ArrayList<>()).add(collection);
		if (this.byQuery) {
			this.collectionScopes.put(collection, current);
		}
		this.collections++;
	}

	/**
	 * Takes the collections of the role that wait in the scope of the one being read; with scopes
	 * by query, none if that one does not wait.
	 */
	List<PersistentCollection<?>> takeCollections(String role, PersistentCollection<?> trigger) {
		Long triggerScope = this.byQuery ? this.collectionScopes.get(trigger) : Long.valueOf(0L);
		List<PersistentCollection<?>> taken = (triggerScope != null)
				? this.collectionsByRole.remove(new Peers(role, triggerScope)) : null;
		if (taken == null) {
			return List.of();
		}
		if (this.byQuery) {
			taken.forEach(this.collectionScopes::remove);
		}
		this.collections -= taken.size();
		return taken;
	}

	/**
	 * Notes that an entity holding up to {@code collections} lazy collections left the persistence
	 * context. Once such collections number more than half the record, drops every collection the
	 * persistence context no longer holds: the work stays constant per evicted collection.
	 */
	void ownerEvicted(int collections, PersistenceContext context) {
		this.evicted += collections;
		if (this.evicted > COMPACTION_THRESHOLD && this.evicted * 2L > this.collections) {
			this.collections = 0;
			for (Iterator<List<PersistentCollection<?>>> scopes = this.collectionsByRole.values().iterator(); scopes
				.hasNext();) {
				List<PersistentCollection<?>> recorded = scopes.next();
				recorded.removeIf((collection) -> {
					boolean dropped = context.getCollectionEntry(collection) == null;
					if (dropped) {
						this.collectionScopes.remove(collection);
					}
					return dropped;
				});
				if (recorded.isEmpty()) {
					scopes.remove();
				}
				this.collections += recorded.size();
			}
			this.evicted = 0;
		}
	}

	/**
	 * Marks a group as being loaded.
	 * @return {@code false} if a bulk load of the group is already running further up the stack
	 */
	boolean startLoading(String group) {
		return this.groupsLoading.add(group);
	}

	void finishLoading(String group) {
		this.groupsLoading.remove(group);
	}

	/**
	 * Notes that an association loads one key alone.
	 * @return whether it is the first time in the session, which is not an N+1 yet
	 */
	boolean firstOneKeyLoad(String association) {
		return this.oneKeyLoads.add(association);
	}

	boolean isSwitchedOff() {
		return this.switchedOff;
	}

	void switchOff(boolean off) {
		this.switchedOff = off;
	}

	void clear() {
		this.bulkProxies.clear();
		this.bulkProxyScopes.clear();
		this.collectionScopes.clear();
		this.otherProxies.clear();
		this.collectionsByRole.clear();
		this.notFound.clear();
		this.collections = 0;
		this.evicted = 0;
	}

	/** The scope a proxy waits for a bulk load in, or {@code null} if it does not. */
	private @Nullable Long bulkProxyScope(String entityName, Object id) {
		if (this.byQuery) {
			return this.bulkProxyScopes.getOrDefault(entityName, Map.of()).get(id);
		}
		return this.bulkProxies.getOrDefault(new Peers(entityName, 0L), Map.of()).containsKey(id) ? Long.valueOf(0L)
				: null;
	}

	private long currentScope() {
		return this.byQuery ? this.scope : 0L;
	}

	private static <K> Map<Object, Association> proxies(Map<K, Map<Object, Association>> byGroup, K group) {
		return byGroup.computeIfAbsent(group, (key) -> new LinkedHashMap<>());
	}

	/** The peers of one group (an entity name or a role) in one scope. */
	private record Peers(String group, long scope) {
	}

}
