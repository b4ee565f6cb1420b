package io.github.bulklazy.hibernate.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;
import org.jspecify.annotations.Nullable;

/**
 * Which entities the boot model loads with their owners and which it reaches through proxies, and
 * the types of the proxies that loading rows of an entity makes, by inheritance hierarchy.
 */
final class ProxyTypes {

	private final Metadata metadata;

	/** The entities that an EAGER to-one or a composite id loads. */
	private final Set<String> eagerTargets = new HashSet<>();

	/** The entities lazy to-ones are typed to, by the root entity of their hierarchy. */
	private final Map<String, Set<String>> lazyTargetsByRoot = new HashMap<>();

	ProxyTypes(Metadata metadata) {
		this.metadata = metadata;
		for (PersistentClass entity : metadata.getEntityBindings()) {
			for (Property property : entity.getProperties()) {
				addEagerTargets(property.getValue(), false);
				addLazyTargets(property.getValue());
			}
			// the to-ones of a composite id are loaded with their owner, lazy or not
			addEagerTargets(entity.getIdentifier(), true);
			addEagerTargets(entity.getIdentifierMapper(), true);
		}
	}

	/** Whether an EAGER to-one or a composite id loads the entity. */
	boolean isEagerTarget(String entityName) {
		return this.eagerTargets.contains(entityName);
	}

	/**
	 * Whether what loads with the entity, or the proxies its rows make, meet a hierarchy that the
	 * rows of a query could make in another order: an entity of a hierarchy that lazy to-ones reach,
	 * or proxies of a hierarchy with subclasses.
	 */
	boolean meetsLazilyReachedHierarchy(PersistentClass entity) {
		Map<String, Set<String>> proxyTypesByRoot = new HashMap<>();
		Set<String> loadedWithEntity = new HashSet<>();
		collectProxyTypes(entity, proxyTypesByRoot, loadedWithEntity);
		boolean meetsProxies = loadedWithEntity.stream()
			.map((name) -> this.metadata.getEntityBinding(name).getRootClass())
			.anyMatch((root) -> root.hasSubclasses() && this.lazyTargetsByRoot.containsKey(root.getEntityName()));
		boolean makesProxies = proxyTypesByRoot.keySet()
			.stream()
			.anyMatch((root) -> this.metadata.getEntityBinding(root).hasSubclasses());
		return meetsProxies || makesProxies;
	}

	/**
	 * Whether loading rows of the entity can make proxies of two entities of one inheritance
	 * hierarchy: through the lazy to-ones of the entity, of its subclasses and embeddables, and of
	 * the entities its EAGER to-ones and collections load with it.
	 */
	boolean mixesProxyTypes(PersistentClass entity) {
		Map<String, Set<String>> proxyTypesByRoot = new HashMap<>();
		collectProxyTypes(entity, proxyTypesByRoot, new HashSet<>());
		return proxyTypesByRoot.values().stream().anyMatch((types) -> types.size() > 1);
	}

	/** The entity a to-one or a collection of entities loads, {@code null} for a collection of values. */
	static @Nullable String targetOf(Value value) {
		if (value instanceof ToOne toOne) {
			return toOne.getReferencedEntityName();
		}
		Value element = ((Collection) value).getElement();
		if (element instanceof ManyToOne manyToOne) {
			return manyToOne.getReferencedEntityName();
		}
		if (element instanceof OneToMany oneToMany) {
			return oneToMany.getReferencedEntityName();
		}
		return null;
	}

	/** Whether the value is a to-one or an embeddable that holds one. */
	static boolean holdsToOne(@Nullable Value value) {
		return value instanceof ToOne || value instanceof Component component
				&& component.getProperties().stream().anyMatch((property) -> holdsToOne(property.getValue()));
	}

	/**
	 * Collects the types of the proxies that loading rows of the entity makes, by the root entity
	 * of their hierarchy.
	 * @param visited receives the entities loaded with it: the entity and its subclasses, and the
	 * targets of their EAGER to-ones and the elements of their EAGER collections, recursively
	 */
	private void collectProxyTypes(PersistentClass entity, Map<String, Set<String>> proxyTypesByRoot,
			Set<String> visited) {
		if (!visited.add(entity.getEntityName())) {
			return;
		}
		for (PersistentClass type : entity.getSubclassClosure()) {
			visited.add(type.getEntityName());
			for (Property property : type.getPropertyClosure()) {
				String element = (property.getValue() instanceof Collection collection && !collection.isLazy())
						? targetOf(collection) : null;
				if (element != null) {
					collectProxyTypes(this.metadata.getEntityBinding(element), proxyTypesByRoot, visited);
				}
			}
			for (ToOne toOne : toOnes(type.getPropertyClosure())) {
				PersistentClass target = this.metadata.getEntityBinding(toOne.getReferencedEntityName());
				if (ToOneMappings.makesProxy(toOne)) {
					proxyTypesByRoot.computeIfAbsent(target.getRootClass().getEntityName(), (root) -> new HashSet<>())
						.add(target.getEntityName());
				}
				else {
					collectProxyTypes(target, proxyTypesByRoot, visited);
				}
			}
		}
	}

	/** The to-ones among the properties, those inside embeddables included. */
	private static List<ToOne> toOnes(List<Property> properties) {
		List<ToOne> toOnes = new ArrayList<>();
		for (Property property : properties) {
			if (property.getValue() instanceof ToOne toOne) {
				toOnes.add(toOne);
			}
			else if (property.getValue() instanceof Component component) {
				toOnes.addAll(toOnes(component.getProperties()));
			}
		}
		return toOnes;
	}

	/**
	 * Adds the targets of the EAGER to-ones in a value, those inside embeddables and embeddable
	 * elements included, or of all its to-ones.
	 */
	private void addEagerTargets(@Nullable Value value, boolean lazyToo) {
		if (value instanceof ToOne toOne && (lazyToo || !ToOneMappings.makesProxy(toOne))) {
			this.eagerTargets.add(toOne.getReferencedEntityName());
		}
		else if (value instanceof Component component) {
			component.getProperties().forEach((property) -> addEagerTargets(property.getValue(), lazyToo));
		}
		else if (value instanceof Collection collection && collection.getElement() instanceof Component element) {
			// the to-ones inside embeddable elements; a many-to-many's element is joined, not fetched
			addEagerTargets(element, lazyToo);
		}
	}

	/** Adds the targets of the lazy to-ones in a value, those inside embeddables and embeddable elements included. */
	private void addLazyTargets(@Nullable Value value) {
		if (value instanceof ToOne toOne && ToOneMappings.makesProxy(toOne)) {
			PersistentClass target = this.metadata.getEntityBinding(toOne.getReferencedEntityName());
			this.lazyTargetsByRoot.computeIfAbsent(target.getRootClass().getEntityName(), (root) -> new HashSet<>())
				.add(target.getEntityName());
		}
		else if (value instanceof Component component) {
			component.getProperties().forEach((property) -> addLazyTargets(property.getValue()));
		}
		else if (value instanceof Collection collection && collection.getElement() instanceof Component element) {
			addLazyTargets(element);
		}
	}

}
