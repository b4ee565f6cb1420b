package io.github.bulklazy.hibernate.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.internal.DeferredToOne;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.Getter;
import org.jspecify.annotations.Nullable;

/**
 * The runtime model of one session factory, built from its plan once the persisters exist: which
 * lazy associations the instances of each entity class hold (inherited ones included), the peer
 * groups that load them, and the to-ones the engine loads with their owners.
 */
final class RuntimeModel {

	record ToOneSlot(Function<Object, @Nullable Object> getter, Association association) {
	}

	record CollectionSlot(Function<Object, @Nullable Object> getter, String role) {
	}

	record Slots(List<ToOneSlot> toOnes, List<CollectionSlot> collections) {
	}

	private record ElementSlot(String role, ToOneSlot slot) {
	}

	private final int chunkSize;

	private final boolean arrayParameter;

	private final HibernateAccess access;

	final Map<Class<?>, Slots> slotsByClass = new HashMap<>();

	final Map<String, EntityPeerGroup> entityGroups = new HashMap<>();

	final Map<String, CollectionPeerGroup> collectionGroups = new HashMap<>();

	final Map<String, Association> collectionAssociations = new HashMap<>();

	/** The references of each entity that has a proxy. */
	final Map<String, Association> referenceAssociations = new HashMap<>();

	/** The to-ones loaded with their owners whose targets the engine loads, with their associations. */
	final Map<DeferredToOne, Association> eagerToOnes = new HashMap<>();

	/** The to-ones inside the embeddable elements of each collection role. */
	final Map<String, List<ToOneSlot>> elementSlotsByRole = new HashMap<>();

	/** Each entity's subtypes, the entity included, by entity name. */
	private final Map<String, List<EntityMappingType>> subtypesByEntity = new HashMap<>();

	RuntimeModel(SessionFactoryImplementor factory, BulkLazyPlan plan, HibernateAccess access) {
		this.chunkSize = plan.chunkSize();
		this.arrayParameter = factory.getJdbcServices().getDialect().useArrayForMultiValuedParameters();
		this.access = access;
		var metamodel = factory.getMappingMetamodel();
		metamodel.forEachEntityDescriptor((persister) -> {
			for (EntityMappingType type = persister; type != null; type = type.getSuperMappingType()) {
				this.subtypesByEntity.computeIfAbsent(type.getEntityName(), (name) -> new ArrayList<>()).add(persister);
			}
		});
		Map<Class<?>, List<ToOneSlot>> toOnes = new HashMap<>();
		Map<Class<?>, List<CollectionSlot>> collections = new HashMap<>();
		for (Association association : plan.associations()) {
			EntityPersister owner = metamodel.getEntityDescriptor(association.ownerEntity());
			if (association.kind() == Kind.REFERENCE) {
				this.referenceAssociations.put(owner.getEntityName(), association);
				if (association.mode() == Mode.BULK) {
					entityGroup(owner);
				}
				continue;
			}
			ElementSlot element = elementSlot(owner, association);
			if (element != null) {
				if (association.mode() == Mode.BULK) {
					subtypesOf(metamodel.getEntityDescriptor(association.targetEntity())).forEach(this::entityGroup);
				}
				this.elementSlotsByRole.computeIfAbsent(element.role(), (key) -> new ArrayList<>()).add(element.slot());
				continue;
			}
			String attribute = Objects.requireNonNull(association.attribute(), association.name());
			Function<Object, @Nullable Object> getter = getter(owner, attribute);
			if (association.kind() == Kind.COLLECTION) {
				this.collectionAssociations.put(association.role(), association);
			}
			if (getter == null || (association.mode() != Mode.BULK && association.kind() == Kind.COLLECTION)) {
				continue;
			}
			List<Class<?>> holders = subtypesOf(owner).stream()
				.map(EntityMappingType::getMappedJavaType)
				.<Class<?>>map((type) -> type.getJavaTypeClass())
				.toList();
			if (association.kind() != Kind.COLLECTION) {
				if (association.mode() == Mode.BULK) {
					// a proxy of the target or, narrowed, of any of its subclasses
					subtypesOf(metamodel.getEntityDescriptor(association.targetEntity())).forEach(this::entityGroup);
				}
				if (association.kind() == Kind.EAGER_TO_ONE && association.mode() == Mode.BULK) {
					DeferredToOne toOne = access.deferredToOne(owner, attribute);
					if (toOne == null) {
						throw new IllegalStateException(association.name() + " is not mapped by bulk-lazy's persister");
					}
					this.eagerToOnes.put(toOne, association);
				}
				ToOneSlot slot = new ToOneSlot(getter, association);
				holders.forEach((holder) -> toOnes.computeIfAbsent(holder, (key) -> new ArrayList<>()).add(slot));
			}
			else {
				PluralAttributeMapping plural = metamodel.getCollectionDescriptor(association.role())
					.getAttributeMapping();
				this.collectionGroups.put(association.role(),
						new CollectionPeerGroup(plural, association, this.chunkSize, this.arrayParameter, access));
				CollectionSlot slot = new CollectionSlot(getter, association.role());
				holders.forEach((holder) -> collections.computeIfAbsent(holder, (key) -> new ArrayList<>()).add(slot));
			}
		}
		Set<Class<?>> holders = new LinkedHashSet<>(toOnes.keySet());
		holders.addAll(collections.keySet());
		for (Class<?> holder : holders) {
			this.slotsByClass.put(holder,
					new Slots(toOnes.getOrDefault(holder, List.of()), collections.getOrDefault(holder, List.of())));
		}
	}

	/**
	 * Builds one loader of each kind the groups use, so that what the loaders need of Hibernate
	 * fails at start-up if at all; the groups build the others when they first load.
	 */
	void buildOneLoaderOfEachKind() {
		Set<Object> kinds = new HashSet<>();
		List<PeerGroup<?, ?>> groups = new ArrayList<>(this.entityGroups.values());
		groups.addAll(this.collectionGroups.values());
		for (PeerGroup<?, ?> group : groups) {
			if (kinds.add(group.loaderKind())) {
				group.buildLoader();
			}
		}
	}

	/** The peer group of an entity whose proxies some bulk-loaded association reaches. */
	EntityPeerGroup entityGroup(@Nullable String entityName) {
		EntityPeerGroup group = (entityName != null) ? this.entityGroups.get(entityName) : null;
		if (group == null) {
			throw new IllegalStateException("no peer group for " + entityName);
		}
		return group;
	}

	/**
	 * The value as a proxy the engine hears of when it is read, or {@code null}: Hibernate
	 * initializes an enhanced proxy without an event, so only those of the entities whose loader
	 * is bulk-lazy's (those with a peer group) are recorded.
	 */
	Proxies.@Nullable Waiting recordable(@Nullable Object value) {
		Proxies.Waiting proxy = Proxies.waiting(value);
		return (proxy != null && (!proxy.enhanced() || this.entityGroups.containsKey(proxy.entityName()))) ? proxy
				: null;
	}

	private void entityGroup(EntityMappingType entity) {
		this.entityGroups.computeIfAbsent(entity.getEntityName(), (name) -> new EntityPeerGroup(entity, this.chunkSize,
				this.arrayParameter, this.access, subtypesOf(entity.getRootEntityDescriptor())));
	}

	/**
	 * Reads an attribute of the type's instances, or one inside its embeddables
	 * ({@code membership.school}); {@code null} when the type has no such attribute.
	 */
	private static @Nullable Function<Object, @Nullable Object> getter(ManagedMappingType type, String path) {
		int dot = path.indexOf('.');
		AttributeMapping attribute = type.findAttributeMapping((dot < 0) ? path : path.substring(0, dot));
		if (attribute == null) {
			return null;
		}
		Getter getter = attribute.getPropertyAccess().getGetter();
		if (dot < 0) {
			return getter::get;
		}
		if (!(attribute instanceof EmbeddableValuedModelPart embedded)) {
			return null;
		}
		Function<Object, @Nullable Object> inner = getter(embedded.getEmbeddableTypeDescriptor(),
				path.substring(dot + 1));
		return (inner == null) ? null : (holder) -> {
			Object value = getter.get(holder);
			return (value != null) ? inner.apply(value) : null;
		};
	}

	/**
	 * The slot of a to-one inside the embeddable elements of a collection ({@code visits.district}),
	 * with the collection's role; {@code null} for any other path.
	 */
	private static @Nullable ElementSlot elementSlot(EntityPersister owner, Association association) {
		String path = Objects.requireNonNull(association.attribute(), association.name());
		int dot = path.indexOf('.');
		if (dot < 0 || !(owner.findAttributeMapping(path.substring(0, dot)) instanceof PluralAttributeMapping plural)
				|| !(plural.getElementDescriptor() instanceof EmbeddableValuedModelPart element)) {
			return null;
		}
		Function<Object, @Nullable Object> getter = getter(element.getEmbeddableTypeDescriptor(),
				path.substring(dot + 1));
		if (getter == null) {
			return null;
		}
		return new ElementSlot(plural.getCollectionDescriptor().getRole(), new ToOneSlot(getter, association));
	}

	/** The entity and its subclasses. */
	private List<EntityMappingType> subtypesOf(EntityMappingType entity) {
		return this.subtypesByEntity.getOrDefault(entity.getEntityName(), List.of());
	}

}
