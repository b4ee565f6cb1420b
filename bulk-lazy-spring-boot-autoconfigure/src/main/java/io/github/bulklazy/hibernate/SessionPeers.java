package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.collection.spi.PersistentCollection;

/**
 * The lazy proxies and collections of one session that wait to be loaded, by peer group: proxies
 * by the root entity they load, collections by role. Entries are added as their owners are
 * loaded and taken all at once by the bulk load of their group, so each costs constant work.
 * A flush does not touch them; a {@code clear()} drops them. Used by one session, so by one
 * thread at a time.
 */
final class SessionPeers {

	private final Map<String, Set<Object>> proxyIdsByRootEntity = new HashMap<>();

	private final Map<String, List<PersistentCollection<?>>> collectionsByRole = new HashMap<>();

	private final Set<String> groupsLoading = new HashSet<>();

	void addProxy(String rootEntity, Object id) {
		this.proxyIdsByRootEntity.computeIfAbsent(rootEntity, (key) -> new LinkedHashSet<>()).add(id);
	}

	void addCollection(String role, PersistentCollection<?> collection) {
		this.collectionsByRole.computeIfAbsent(role, (key) -> new ArrayList<>()).add(collection);
	}

	boolean isWaiting(String rootEntity, Object id) {
		Set<Object> ids = this.proxyIdsByRootEntity.get(rootEntity);
		return ids != null && ids.contains(id);
	}

	Set<Object> takeProxyIds(String rootEntity) {
		Set<Object> ids = this.proxyIdsByRootEntity.remove(rootEntity);
		return (ids != null) ? ids : Set.of();
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
		this.proxyIdsByRootEntity.clear();
		this.collectionsByRole.clear();
	}

}
