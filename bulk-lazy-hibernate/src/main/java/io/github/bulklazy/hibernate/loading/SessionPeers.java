package io.github.bulklazy.hibernate.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
 * group, peers are kept by scope. With {@link PeerScope#SESSION} every peer is in one scope. With
 * {@link PeerScope#QUERY} a scope opens with each statement that no bulk load runs (a query, or a
 * load by Hibernate), with each {@code find}, with each bulk load, and with the first
 * {@code getReference} after any of them; a peer is recorded in the scope current when its owner
 * loads, so the EAGER targets bulk-lazy loads after a query's rows share the query's scope.
 * Entries are added as their owners are loaded and taken all at once by the bulk load of their
 * group and scope, so each costs constant work. A flush does not touch them; a {@code clear()}
 * drops them; collections whose owners were evicted are dropped in batches, so the record never
 * holds more than about twice the collections the persistence context holds. Used by one session,
 * so by one thread at a time.
 */
final class SessionPeers {

	/** Evicted collections below which the record is never compacted. */
	private static final int COMPACTION_THRESHOLD = 64;

	/** The one scope of every peer with scopes by session. */
	private static final Long SESSION_SCOPE = 0L;

	private final boolean byQuery;

	/** By entity name and scope, the proxies waiting for a bulk load, in the order they were reached. */
	private final Map<String, Map<Long, Map<Object, Association>>> bulkProxies = new HashMap<>();

	/** With scopes by query, by entity name, the scope of each proxy waiting for a bulk load. */
	private final Map<String, Map<Object, Long>> bulkProxyScopes = new HashMap<>();

	private final Map<String, Map<Object, Association>> otherProxies = new HashMap<>();

	/** By role and scope, the collections waiting. */
	private final Map<String, Map<Long, List<PersistentCollection<?>>>> collectionsByRole = new HashMap<>();

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

	/** Whether the current scope holds {@code getReference} proxies, which share it until another opens. */
	private boolean referenceScope;

	/** The bulk loads running on the stack, whose statements stay in their scope. */
	private int bulkLoadsRunning;

	SessionPeers(PeerScope peerScope) {
		this.byQuery = peerScope == PeerScope.QUERY;
	}

	/** Notes that a statement starts, or a {@code find}: unless a bulk load runs it, it opens a scope. */
	void loadStarted() {
		if (this.bulkLoadsRunning == 0) {
			openScope();
		}
	}

	/**
	 * Runs a bulk load, whose statements all belong to one scope: a new one for the peers of a read,
	 * the current one for the EAGER targets of a result. The scope stays current afterwards, until
	 * the next opens. A bulk load nested in another belongs to the outer one's scope.
	 */
	<R> R inOneScope(boolean newScope, Supplier<R> bulkLoad) {
		if (this.bulkLoadsRunning++ == 0 && newScope) {
			openScope();
		}
		try {
			return bulkLoad.get();
		}
		finally {
			this.bulkLoadsRunning--;
		}
	}

	/** Records a proxy {@code getReference} returned: the references made between two loads are peers. */
	void addReference(Proxies.Waiting proxy, Association association) {
		if (!this.referenceScope && this.bulkLoadsRunning == 0) {
			openScope();
			this.referenceScope = true;
		}
		addProxy(proxy, association);
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
			Long current = currentScope();
			if (!current.equals(waitingScope)) {
				Association moved = (waitingScope != null) ? takeProxy(entityName, waitingScope, id) : null;
				this.bulkProxies.computeIfAbsent(entityName, (key) -> new HashMap<>())
					.computeIfAbsent(current, (key) -> new LinkedHashMap<>())
					.put(id, (moved != null) ? moved : association);
				if (this.byQuery) {
					this.bulkProxyScopes.computeIfAbsent(entityName, (key) -> new HashMap<>()).put(id, current);
				}
			}
			forgetProxy(entityName, id);
		}
		else if (waitingScope == null) {
			this.otherProxies.computeIfAbsent(entityName, (key) -> new LinkedHashMap<>()).putIfAbsent(id, association);
		}
	}

	/** The association through which a waiting proxy was reached, or {@code null}. */
	@Nullable Association proxyAssociation(String entityName, Object id) {
		Long proxyScope = bulkProxyScope(entityName, id);
		Map<Object, Association> waiting = (proxyScope != null) ? bulkProxiesIn(entityName, proxyScope)
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
	 * Takes the ids of the proxies of the root entity that wait for a bulk load in the scope of
	 * the one being read and that the predicate accepts; the others keep waiting. With scopes by
	 * query, none if the one being read does not wait.
	 */
	Set<Object> takeBulkProxyIds(String entityName, Object triggerId, Predicate<Object> takes) {
		// a Long on both sides: unboxed, a proxy that does not wait would throw
		Long triggerScope = this.byQuery ? bulkProxyScope(entityName, triggerId) : SESSION_SCOPE;
		Map<Long, Map<Object, Association>> byScope = this.bulkProxies.get(entityName);
		Map<Object, Association> ids = (triggerScope != null && byScope != null) ? byScope.remove(triggerScope) : null;
		if (ids == null || byScope == null) {
			return Set.of();
		}
		Map<Object, Association> left = new LinkedHashMap<>();
		ids.entrySet().removeIf((waiting) -> {
			boolean stays = !takes.test(waiting.getKey());
			if (stays) {
				left.put(waiting.getKey(), waiting.getValue());
			}
			return stays;
		});
		if (!left.isEmpty()) {
			byScope.put(triggerScope, left);
		}
		Map<Object, Long> scopes = this.bulkProxyScopes.get(entityName);
		if (scopes != null) {
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
		Long current = currentScope();
		this.collectionsByRole.computeIfAbsent(role, (key) -> new HashMap<>())
			.computeIfAbsent(current, (key) -> new ArrayList<>())
			.add(collection);
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
		// a Long on both sides: unboxed, a collection that does not wait would throw
		Long triggerScope = this.byQuery ? this.collectionScopes.get(trigger) : SESSION_SCOPE;
		Map<Long, List<PersistentCollection<?>>> byScope = this.collectionsByRole.get(role);
		List<PersistentCollection<?>> taken = (triggerScope != null && byScope != null) ? byScope.remove(triggerScope)
				: null;
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
			for (Map<Long, List<PersistentCollection<?>>> byScope : this.collectionsByRole.values()) {
				for (Iterator<List<PersistentCollection<?>>> lists = byScope.values().iterator(); lists.hasNext();) {
					List<PersistentCollection<?>> recorded = lists.next();
					recorded.removeIf((collection) -> {
						boolean dropped = context.getCollectionEntry(collection) == null;
						if (dropped) {
							this.collectionScopes.remove(collection);
						}
						return dropped;
					});
					if (recorded.isEmpty()) {
						lists.remove();
					}
					this.collections += recorded.size();
				}
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
			Map<Object, Long> scopes = this.bulkProxyScopes.get(entityName);
			return (scopes != null) ? scopes.get(id) : null;
		}
		Map<Object, Association> waiting = bulkProxiesIn(entityName, SESSION_SCOPE);
		return (waiting != null && waiting.containsKey(id)) ? SESSION_SCOPE : null;
	}

	private @Nullable Map<Object, Association> bulkProxiesIn(String entityName, Long proxyScope) {
		Map<Long, Map<Object, Association>> byScope = this.bulkProxies.get(entityName);
		return (byScope != null) ? byScope.get(proxyScope) : null;
	}

	/** Takes a waiting proxy out of its scope; {@code null} if it was not there. */
	private @Nullable Association takeProxy(String entityName, Long proxyScope, Object id) {
		Map<Long, Map<Object, Association>> byScope = this.bulkProxies.get(entityName);
		Map<Object, Association> waiting = (byScope != null) ? byScope.get(proxyScope) : null;
		if (byScope == null || waiting == null) {
			return null;
		}
		Association association = waiting.remove(id);
		if (waiting.isEmpty()) {
			byScope.remove(proxyScope);
		}
		return association;
	}

	private Long currentScope() {
		return this.byQuery ? Long.valueOf(this.scope) : SESSION_SCOPE;
	}

	private void openScope() {
		this.scope++;
		this.referenceScope = false;
	}

}
