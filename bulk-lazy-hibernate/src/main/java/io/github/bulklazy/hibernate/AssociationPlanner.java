package io.github.bulklazy.hibernate;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.bulklazy.BulkLazy;
import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import org.hibernate.MappingException;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;
import org.jspecify.annotations.Nullable;

/**
 * Reads Hibernate's boot model and decides, for every lazy association, whether bulk-lazy loads
 * it, leaves it to plain Hibernate because configuration says so, or falls back because of its
 * mapping.
 * <p>
 * Selection rules: an {@code Entity.association} entry covers that association; an {@code Entity}
 * entry covers every association that starts from the entity or ends at it (its to-ones and
 * collections, and the to-ones and collections of other entities that load it). Exclude wins; a
 * non-empty include leaves out everything it does not cover; without a matching entry, a
 * {@link BulkLazy} annotation on the association, then on its owner, then on its target decides.
 */
final class AssociationPlanner {

	private final BulkLazySettings settings;

	private final int defaultBatchFetchSize;

	private final boolean enhancedProxiesLoadable;

	private final Metadata metadata;

	/**
	 * Whether the running Hibernate is a line bulk-lazy defers the to-ones it loads with their
	 * owner on: not 6.6, whose loads as it reads the row pass on read-only states that a load after
	 * the rows does not.
	 */
	private static final boolean DEFERS_ON_RUNNING_HIBERNATE = !Version.getVersionString().startsWith("6.");

	/** The entities that an EAGER to-one or a composite id loads. */
	private final Set<String> eagerTargets = new HashSet<>();

	/** The entities lazy to-ones are typed to, by the root entity of their hierarchy. */
	private final Map<String, Set<String>> lazyTargetsByRoot = new HashMap<>();

	private final boolean standardPersisters;

	/**
	 * @param enhancedProxiesLoadable whether the session factory's batch loader factory is
	 * bulk-lazy's, which bulk-lazy loads enhanced proxies through
	 * @param standardPersisters whether bulk-lazy's resolver chooses the persister classes, so that
	 * bulk-lazy's persisters may take the standard ones' place
	 */
	AssociationPlanner(BulkLazySettings settings, int defaultBatchFetchSize, boolean enhancedProxiesLoadable,
			boolean standardPersisters, Metadata metadata) {
		this.settings = settings;
		this.defaultBatchFetchSize = defaultBatchFetchSize;
		this.enhancedProxiesLoadable = enhancedProxiesLoadable;
		this.standardPersisters = standardPersisters;
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

	List<Association> plan() {
		List<Association> associations = new ArrayList<>();
		for (PersistentClass owner : this.metadata.getEntityBindings()) {
			if (owner.isLazy()) {
				associations.add(references(owner));
			}
			for (Property property : owner.getProperties()) {
				Value value = property.getValue();
				if (value == owner.getIdentifierMapper()) {
					// the attributes of an @IdClass, which are the id's, loaded with their owner
					continue;
				}
				if (value instanceof Component component) {
					addEmbeddedAssociations(owner, property.getName(), component, associations);
				}
				else if (value instanceof ToOne || value instanceof Collection) {
					Association association = plan(owner, property.getName(), property, owner.getMappedClass(), value);
					associations.add(association);
					if (value instanceof Collection collection && collection.getElement() instanceof Component element) {
						List<Association> elementToOnes = new ArrayList<>();
						addEmbeddedAssociations(owner, property.getName(), element, elementToOnes);
						elementToOnes.forEach((toOne) -> associations.add(followingCollection(toOne, association)));
					}
				}
			}
		}
		return associations;
	}

	/**
	 * A to-one inside the embeddable elements of a collection ({@code Member.visits.district}):
	 * bulk-lazy finds its proxies as it loads the collection, so it follows a collection left to
	 * Hibernate.
	 */
	private static Association followingCollection(Association toOne, Association collection) {
		if (toOne.mode() == Mode.BULK && collection.mode() == Mode.EXCLUDED) {
			return toOne.withMode(Mode.EXCLUDED, Reason.EXCLUDED);
		}
		if (toOne.mode() == Mode.BULK && collection.mode() == Mode.FALLBACK) {
			return toOne.withMode(Mode.FALLBACK, Reason.ELEMENTS_LEFT_TO_HIBERNATE);
		}
		return toOne;
	}

	/**
	 * The entities used as their own proxies (bytecode-enhanced, outside any inheritance hierarchy)
	 * whose proxies the plan bulk-loads: bulk-lazy loads them through their batch loader.
	 */
	Set<String> enhancedProxyEntities(List<Association> associations) {
		Set<String> entities = new LinkedHashSet<>();
		for (Association association : associations) {
			if (association.mode() == Mode.BULK && association.kind() != Kind.COLLECTION
					&& isEnhancedProxy(this.metadata.getEntityBinding(association.targetEntity()))) {
				entities.add(association.targetEntity());
			}
		}
		return entities;
	}

	/** Every name configuration may use: the entities, and the associations they declare. */
	Set<String> knownNames(List<Association> associations) {
		Set<String> names = new LinkedHashSet<>();
		for (PersistentClass entity : this.metadata.getEntityBindings()) {
			names.addAll(namesOf(entity));
		}
		for (Association association : associations) {
			if (association.kind() == Kind.REFERENCE) {
				continue;
			}
			for (String owner : namesOf(this.metadata.getEntityBinding(association.ownerEntity()))) {
				names.add(owner + "." + association.attribute());
			}
		}
		return names;
	}

	private void addEmbeddedAssociations(PersistentClass owner, String path, Component component,
			List<Association> associations) {
		for (Property property : component.getProperties()) {
			Value value = property.getValue();
			String name = path + "." + property.getName();
			if (value instanceof Component nested) {
				addEmbeddedAssociations(owner, name, nested, associations);
			}
			else if (value instanceof ToOne || value instanceof Collection) {
				associations.add(plan(owner, name, property, component.getComponentClass(), value));
			}
		}
	}

	/**
	 * Plans an association of an entity.
	 * @param path the attribute's name, or its path through embeddables ({@code membership.school})
	 * @param property the attribute
	 * @param declaringClass the entity or embeddable class that declares the attribute
	 */
	private Association plan(PersistentClass owner, String path, Property property, Class<?> declaringClass,
			Value value) {
		Kind kind = kindOf(value);
		String target = targetOf(value);
		Association association = new Association(shortName(owner) + "." + path, owner.getEntityName(), path, kind,
				target, Mode.BULK, null);
		Reason reason = (value instanceof ToOne toOne) ? fallbackReason(owner, path, property, toOne)
				: fallbackReason((Collection) value);
		if (reason != null) {
			return association.withMode(Mode.FALLBACK, reason);
		}
		return selected(owner, path, annotationOf(declaringClass, property.getName()), target) ? association
				: association.withMode(Mode.EXCLUDED, Reason.EXCLUDED);
	}

	/** The proxies of an entity made by {@code getReference}: selected by the entity's names and annotation. */
	private Association references(PersistentClass entity) {
		Association association = new Association(shortName(entity), entity.getEntityName(), null, Kind.REFERENCE,
				entity.getEntityName(), Mode.BULK, null);
		Reason reason = targetFallbackReason(entity);
		if (reason != null) {
			return association.withMode(Mode.FALLBACK, reason);
		}
		return selected(namesOf(entity), annotationOf(entity.getMappedClass())) ? association
				: association.withMode(Mode.EXCLUDED, Reason.EXCLUDED);
	}

	private Reason fallbackReason(PersistentClass owner, String path, Property property, ToOne toOne) {
		PersistentClass target = this.metadata.getEntityBinding(toOne.getReferencedEntityName());
		if (!makesProxy(toOne) && toOne.isReferenceToPrimaryKey()
				&& (holdsToOne(target.getIdentifier()) || holdsToOne(target.getIdentifierMapper()))) {
			return Reason.ASSOCIATION_IN_TARGET_ID;
		}
		if (toOne instanceof OneToOne) {
			if (makesProxy(toOne)) {
				return targetFallbackReason(target);
			}
			// loaded by the owner's id: the target's own, or the key of the target's owning to-one
			return (owner.getIdentifier().getColumnSpan() != 1) ? Reason.INVERSE_ONE_TO_ONE
					: eagerFallbackReason(owner, path, property, target);
		}
		if (!toOne.isReferenceToPrimaryKey()) {
			// loaded by the value of one column of the target's
			return isSingleColumnProperty(target, toOne.getReferencedPropertyName())
					? eagerFallbackReason(owner, path, property, target) : Reason.NON_PRIMARY_KEY_JOIN;
		}
		return toOne.isLazy() ? targetFallbackReason(target) : eagerFallbackReason(owner, path, property, target);
	}

	/**
	 * Why an EAGER to-one or an inverse one-to-one is left to Hibernate. bulk-lazy's persisters
	 * defer the to-ones an entity declares, written to their fields once the query's rows are read;
	 * loading the targets then, instead of while the rows are read, must not change which proxies
	 * the session makes.
	 */
	private Reason eagerFallbackReason(PersistentClass owner, String path, Property property,
			PersistentClass target) {
		if (path.contains(".") || property.isNaturalIdentifier()) {
			return Reason.EAGER;
		}
		if (!this.standardPersisters || hasPersisterAnnotation(owner)) {
			return Reason.CUSTOM_PERSISTER;
		}
		if (owner.getRootClass().isCached()) {
			return Reason.CACHED_OWNER;
		}
		if (!"field".equals(property.getPropertyAccessorName()) || isEnhanced(owner)) {
			return Reason.OWNER_ACCESS;
		}
		if (target.getBatchSize() > 0) {
			return Reason.BATCH_SIZE;
		}
		if (target.getLoaderName() != null) {
			return Reason.CUSTOM_LOADER;
		}
		// what loads with the target, and the proxies its rows make, must meet no proxy or entity of a
		// hierarchy that the query's own rows could make in another order
		Map<String, Set<String>> proxyTypesByRoot = new HashMap<>();
		Set<String> loadedWithTarget = new HashSet<>();
		collectProxyTypes(target, proxyTypesByRoot, loadedWithTarget);
		boolean meetsProxies = loadedWithTarget.stream()
			.map((entity) -> this.metadata.getEntityBinding(entity).getRootClass())
			.anyMatch((root) -> root.hasSubclasses() && this.lazyTargetsByRoot.containsKey(root.getEntityName()));
		boolean makesProxies = proxyTypesByRoot.keySet()
			.stream()
			.anyMatch((root) -> this.metadata.getEntityBinding(root).hasSubclasses());
		if (meetsProxies || makesProxies) {
			return Reason.LAZILY_REACHED_HIERARCHY;
		}
		return DEFERS_ON_RUNNING_HIBERNATE ? batchFetchSizeReason() : Reason.HIBERNATE_6;
	}

	/** Why an entity's proxies are left to Hibernate, whatever reached them. */
	private Reason targetFallbackReason(PersistentClass target) {
		if (target.getBatchSize() > 0) {
			return Reason.BATCH_SIZE;
		}
		if (target.getLoaderName() != null) {
			return Reason.CUSTOM_LOADER;
		}
		if (isEnhancedProxy(target) && !this.enhancedProxiesLoadable) {
			return Reason.ENHANCED_PROXY;
		}
		if (isEnhancedProxy(target) && this.eagerTargets.contains(target.getEntityName())) {
			return Reason.ENHANCED_EAGER_TARGET;
		}
		return batchFetchSizeReason();
	}

	/**
	 * Whether Hibernate uses the entity's own instances as its proxies: an enhanced entity outside
	 * any inheritance hierarchy.
	 */
	private static boolean isEnhancedProxy(PersistentClass entity) {
		return entity.getRootClass() == entity && !entity.hasSubclasses() && isEnhanced(entity);
	}

	/** Whether Hibernate holds a proxy for the to-one until it is read, rather than load it with its owner. */
	static boolean makesProxy(ToOne toOne) {
		return (toOne instanceof OneToOne oneToOne) ? isProxied(oneToOne)
				: toOne.isLazy() && toOne.isReferenceToPrimaryKey();
	}

	/**
	 * Whether Hibernate holds a proxy for the one-to-one: a lazy one sharing its owner's primary
	 * key whose target always exists ({@code @MapsId}, or {@code optional = false}).
	 */
	private static boolean isProxied(OneToOne oneToOne) {
		return oneToOne.isLazy() && oneToOne.isConstrained() && oneToOne.getReferencedPropertyName() == null;
	}

	/** Whether the entity has a property of that name, of one column, not made up by Hibernate. */
	private static boolean isSingleColumnProperty(PersistentClass entity, @Nullable String name) {
		try {
			Property property = (name != null) ? entity.getReferencedProperty(name) : null;
			return property != null && !property.isSynthetic() && property.getColumnSpan() == 1;
		}
		catch (MappingException ex) {
			return false;
		}
	}

	/** Whether the entity names its persister with {@code @Persister}, which Hibernate 6.6 still has. */
	private static boolean hasPersisterAnnotation(PersistentClass entity) {
		return entity.getMappedClass() != null && Arrays.stream(entity.getMappedClass().getAnnotations())
			.anyMatch((annotation) -> annotation.annotationType().getName().equals("org.hibernate.annotations.Persister"));
	}

	private static boolean isEnhanced(PersistentClass entity) {
		return entity.getMappedClass() != null
				&& PersistentAttributeInterceptable.class.isAssignableFrom(entity.getMappedClass());
	}

	/**
	 * Adds the targets of the EAGER to-ones in a value, those inside embeddables and embeddable
	 * elements included, or of all its to-ones.
	 */
	private void addEagerTargets(@Nullable Value value, boolean lazyToo) {
		if (value instanceof ToOne toOne && (lazyToo || !makesProxy(toOne))) {
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
		if (value instanceof ToOne toOne && makesProxy(toOne)) {
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

	private Reason fallbackReason(Collection collection) {
		if (collection.getBatchSize() > 0) {
			return Reason.BATCH_SIZE;
		}
		if (collection.isSubselectLoadable()) {
			return Reason.SUBSELECT;
		}
		if (collection.getLoaderName() != null) {
			return Reason.CUSTOM_LOADER;
		}
		if (collection.getReferencedPropertyName() != null) {
			return Reason.NON_PRIMARY_KEY_JOIN;
		}
		String element = targetOf(collection);
		if (!collection.isLazy() && element != null && mixesProxyTypes(this.metadata.getEntityBinding(element))) {
			return Reason.MIXED_PROXY_TYPES;
		}
		return batchFetchSizeReason();
	}

	/**
	 * Whether loading rows of the entity can make proxies of two entities of one inheritance
	 * hierarchy: through the lazy to-ones of the entity, of its subclasses and embeddables, and of
	 * the entities its EAGER to-ones and collections load with it.
	 */
	private boolean mixesProxyTypes(PersistentClass entity) {
		Map<String, Set<String>> proxyTypesByRoot = new HashMap<>();
		collectProxyTypes(entity, proxyTypesByRoot, new HashSet<>());
		return proxyTypesByRoot.values().stream().anyMatch((types) -> types.size() > 1);
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
				if (makesProxy(toOne)) {
					proxyTypesByRoot.computeIfAbsent(target.getRootClass().getEntityName(), (root) -> new HashSet<>())
						.add(target.getEntityName());
				}
				else {
					collectProxyTypes(target, proxyTypesByRoot, visited);
				}
			}
		}
	}

	/** Whether the value is a to-one or an embeddable that holds one. */
	private static boolean holdsToOne(@Nullable Value value) {
		return value instanceof ToOne || value instanceof Component component
				&& component.getProperties().stream().anyMatch((property) -> holdsToOne(property.getValue()));
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

	private Reason batchFetchSizeReason() {
		return (this.defaultBatchFetchSize > 1) ? Reason.DEFAULT_BATCH_FETCH_SIZE : null;
	}

	private boolean selected(PersistentClass owner, String path, BulkLazy attributeAnnotation, String target) {
		Set<String> names = new LinkedHashSet<>(namesOf(owner));
		for (String ownerName : namesOf(owner)) {
			names.add(ownerName + "." + path);
		}
		PersistentClass targetClass = (target != null) ? this.metadata.getEntityBinding(target) : null;
		if (targetClass != null) {
			names.addAll(namesOf(targetClass));
		}
		BulkLazy annotation = attributeAnnotation;
		if (annotation == null) {
			annotation = annotationOf(owner.getMappedClass());
		}
		if (annotation == null && targetClass != null) {
			annotation = annotationOf(targetClass.getMappedClass());
		}
		return selected(names, annotation);
	}

	/** Exclude wins; a non-empty include leaves out what it does not name; then the annotation decides. */
	private boolean selected(Set<String> names, BulkLazy annotation) {
		if (this.settings.exclude().stream().anyMatch(names::contains)) {
			return false;
		}
		if (this.settings.include().stream().anyMatch(names::contains)) {
			return true;
		}
		if (!this.settings.include().isEmpty()) {
			return false;
		}
		return annotation == null || annotation.value();
	}

	private static Kind kindOf(Value value) {
		if (value instanceof ToOne toOne) {
			// Hibernate loads the others as it reads their owner, whatever their fetch type
			return makesProxy(toOne) ? Kind.TO_ONE : Kind.EAGER_TO_ONE;
		}
		return Kind.COLLECTION;
	}

	private static String targetOf(Value value) {
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

	/** The annotation on the field or getter of an attribute, in the declaring class or its superclasses. */
	private static BulkLazy annotationOf(Class<?> declaringClass, String attribute) {
		String capitalized = attribute.substring(0, 1).toUpperCase(Locale.ROOT) + attribute.substring(1);
		Set<String> memberNames = Set.of(attribute, "get" + capitalized, "is" + capitalized);
		for (Class<?> type = declaringClass; type != null; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (memberNames.contains(field.getName()) && field.isAnnotationPresent(BulkLazy.class)) {
					return field.getAnnotation(BulkLazy.class);
				}
			}
			for (Method method : type.getDeclaredMethods()) {
				if (memberNames.contains(method.getName()) && method.isAnnotationPresent(BulkLazy.class)) {
					return method.getAnnotation(BulkLazy.class);
				}
			}
		}
		return null;
	}

	private static BulkLazy annotationOf(Class<?> type) {
		return (type != null) ? type.getAnnotation(BulkLazy.class) : null;
	}

	static String shortName(PersistentClass entity) {
		return (entity.getJpaEntityName() != null) ? entity.getJpaEntityName() : entity.getEntityName();
	}

	private static Set<String> namesOf(PersistentClass entity) {
		Set<String> names = new LinkedHashSet<>();
		names.add(shortName(entity));
		names.add(entity.getEntityName());
		if (entity.getMappedClass() != null) {
			names.add(entity.getMappedClass().getSimpleName());
			names.add(entity.getMappedClass().getName());
		}
		return names;
	}

}
