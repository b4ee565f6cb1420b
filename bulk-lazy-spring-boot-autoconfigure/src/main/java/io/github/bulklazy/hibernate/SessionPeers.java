package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.bulklazy.hibernate.Association.Mode;
import org.hibernate.collection.spi.PersistentCollection;

/**
 * The lazy proxies and collections of one session that wait to be loaded, by peer group: proxies
 * by their entity name, with the association that reached them; collections by role.
 * Entries are added as their owners are loaded and taken all at once by the bulk load of their
 * group, so each costs constant work. A flush does not touch them; a {@code clear()} drops them.
 * Used by one session, so by one thread at a time.
 */
final class SessionPeers {

	private final Map<String, Map<Object, Association>> bulkProxies = new HashMap<>();

	private final Map<String, Map<Object, Association>> otherProxies = new HashMap<>();

	private final Map<String, List<PersistentCollection<?>>> collectionsByRole = new HashMap<>();

	private final Set<String> groupsLoading = new HashSet<>();

	/**
	 * Records a proxy reached through an association. A proxy reached through a bulk-loaded
	 * association and through one that is not is bulk-loaded.
	 */
	void addProxy(String entityName, Object id, Association association) {
		if (association.mode() == Mode.BULK) {
			proxies(this.bulkProxies, entityName).putIfAbsent(id, association);
			forgetProxy(entityName, id);
		}
		else if (!this.bulkProxies.getOrDefault(entityName, Map.of()).containsKey(id)) {
			proxies(this.otherProxies, entityName).putIfAbsent(id, association);
		}
	}

	/** The association through which a waiting proxy was reached, or {@code null}. */
	Association proxyAssociation(String entityName, Object id) {
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

	void addCollection(String role, PersistentCollection<?> collection) {
		this.collectionsByRole.computeIfAbsent(role, (key) -> new ArrayList<>()).add(collection);
	}

	List<PersistentCollection<?>> takeCollections(String role) {
		List<PersistentCollection<?>> collections = this.collectionsByRole.remove(role);
		return (collections != null) ? collections : List.of();
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

	void clear() {
		this.bulkProxies.clear();
		this.otherProxies.clear();
		this.collectionsByRole.clear();
	}

	private static Map<Object, Association> proxies(Map<String, Map<Object, Association>> byEntity, String entityName) {
		return byEntity.computeIfAbsent(entityName, (key) -> new LinkedHashMap<>());
	}

}
