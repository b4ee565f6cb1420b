package io.github.bulklazy.hibernate.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Mode;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.PersistenceContext;
import org.jspecify.annotations.Nullable;

/**
 * The lazy proxies and collections of one session that wait to be loaded, by peer group: proxies
 * by their entity name, with the association that reached them; collections by role.
 * Entries are added as their owners are loaded and taken all at once by the bulk load of their
 * group, so each costs constant work. A flush does not touch them; a {@code clear()} drops them;
 * collections whose owners were evicted are dropped in batches, so the record never holds more
 * than about twice the collections the persistence context holds. Used by one session, so by one
 * thread at a time.
 */
final class SessionPeers {

	/** Evicted collections below which the record is never compacted. */
	private static final int COMPACTION_THRESHOLD = 64;

	private final Map<String, Map<Object, Association>> bulkProxies = new HashMap<>();

	private final Map<String, Map<Object, Association>> otherProxies = new HashMap<>();

	private final Map<String, List<PersistentCollection<?>>> collectionsByRole = new HashMap<>();

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

	/**
	 * Records a proxy reached through an association. A proxy reached through a bulk-loaded
	 * association and through one that is not is bulk-loaded.
	 */
	void addProxy(Proxies.Waiting proxy, Association association) {
		String entityName = proxy.entityName();
		Object id = proxy.id();
		if (association.mode() == Mode.BULK) {
			proxies(this.bulkProxies, entityName).putIfAbsent(id, association);
			forgetProxy(entityName, id);
		}
		else if (!this.bulkProxies.getOrDefault(entityName, Map.of()).containsKey(id)) {
			proxies(this.otherProxies, entityName).putIfAbsent(id, association);
		}
	}

	/** The association through which a waiting proxy was reached, or {@code null}. */
	@Nullable Association proxyAssociation(String entityName, Object id) {
		Association association = this.bulkProxies.getOrDefault(entityName, Map.of()).get(id);
		return (association != null) ? association : this.otherProxies.getOrDefault(entityName, Map.of()).get(id);
	}

	/** Stops tracking a proxy that is not bulk-loaded, once Hibernate loads it. */
	void forgetProxy(String entityName, Object id) {
		Map<Object, Association> others = this.otherProxies.get(entityName);
		if (others != null) {
			others.remove(id);
		}
	}

	/** Takes the ids of every proxy of the root entity that waits for a bulk load. */
	Set<Object> takeBulkProxyIds(String entityName) {
		Map<Object, Association> ids = this.bulkProxies.remove(entityName);
		return (ids != null) ? ids.keySet() : Set.of();
	}

	/** Notes a proxy whose row a bulk load of its entity did not find: it may be a sibling entity's. */
	void notFound(String entityName, Object id) {
		this.notFound.computeIfAbsent(entityName, (key) -> new HashSet<>()).add(id);
	}

	/** Whether a proxy of one of the entities waits for the row, or names a row its entity lacks. */
	boolean waitsAsAnyOf(Set<String> entityNames, Object id) {
		for (String entityName : entityNames) {
			if (this.bulkProxies.getOrDefault(entityName, Map.of()).containsKey(id)
					|| this.otherProxies.getOrDefault(entityName, Map.of()).containsKey(id)
					|| this.notFound.getOrDefault(entityName, Set.of()).contains(id)) {
				return true;
			}
		}
		return false;
	}

	void addCollection(String role, PersistentCollection<?> collection) {
		this.collectionsByRole.computeIfAbsent(role, (key) -> new ArrayList<>()).add(collection);
		this.collections++;
	}

	List<PersistentCollection<?>> takeCollections(String role) {
		List<PersistentCollection<?>> taken = this.collectionsByRole.remove(role);
		if (taken == null) {
			return List.of();
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
			for (List<PersistentCollection<?>> recorded : this.collectionsByRole.values()) {
				recorded.removeIf((collection) -> context.getCollectionEntry(collection) == null);
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
		this.otherProxies.clear();
		this.collectionsByRole.clear();
		this.notFound.clear();
		this.collections = 0;
		this.evicted = 0;
	}

	private static Map<Object, Association> proxies(Map<String, Map<Object, Association>> byEntity, String entityName) {
		return byEntity.computeIfAbsent(entityName, (key) -> new LinkedHashMap<>());
	}

}
