package io.github.bulklazy.hibernate.internal;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.cache.spi.access.NaturalIdDataAccess;
import org.hibernate.engine.spi.CascadeStyle;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationHelper;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.metamodel.model.domain.NavigableRole;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;
import org.hibernate.persister.internal.StandardPersisterClassResolver;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.type.EntityType;

/**
 * Hibernate's three entity persisters, but for the to-ones they load with their owner (EAGER, or
 * by unique key), which they build as {@link DeferredEagerToOne} mappings: those load like
 * Hibernate's own until the engine attaches them at start-up. {@link Resolver} chooses them for the
 * entities that declare such a to-one bulk-lazy loads; Hibernate creates them by reflection, so
 * they are public, but not meant for applications.
 */
final class EagerToOnePersisters {

	private EagerToOnePersisters() {
	}

	/**
	 * Hibernate's standard choice of persister classes, but bulk-lazy's for the entities the
	 * integrator names while their session factory is built.
	 * {@link BulkLazyServiceContributor} puts it in place unless {@code hibernate.persister.resolver}
	 * names another.
	 */
	static final class Resolver extends StandardPersisterClassResolver {

		private final Set<PersistentClass> owners = ConcurrentHashMap.newKeySet();

		/** Has bulk-lazy's persisters build these entities of the boot model, until {@link #forget} them. */
		void defer(Collection<PersistentClass> entities) {
			this.owners.addAll(entities);
		}

		void forget(Collection<PersistentClass> entities) {
			this.owners.removeAll(entities);
		}

		@Override
		public Class<? extends EntityPersister> getEntityPersisterClass(PersistentClass entity) {
			Class<? extends EntityPersister> standard = super.getEntityPersisterClass(entity);
			if (!this.owners.contains(entity)) {
				return standard;
			}
			if (standard == JoinedSubclassEntityPersister.class) {
				return Joined.class;
			}
			if (standard == UnionSubclassEntityPersister.class) {
				return Union.class;
			}
			return (standard == SingleTableEntityPersister.class) ? SingleTable.class : standard;
		}

	}

	private static AttributeMapping toOne(String name, NavigableRole role, int stateArrayPosition, int fetchableIndex,
			Property property, ManagedMappingType declaringType, EntityPersister declaringPersister, EntityType type,
			PropertyAccess access, CascadeStyle cascade, MappingModelCreationProcess process) {
		return MappingModelCreationHelper.buildSingularAssociationAttributeMapping(name, role, stateArrayPosition,
				fetchableIndex, property, declaringType, declaringPersister, type, access, cascade, process,
				(mapping) -> DeferredEagerToOne.isCandidate(property) ? new DeferredEagerToOne(mapping) : mapping);
	}

	/** {@link SingleTableEntityPersister} with deferred to-ones. */
	public static final class SingleTable extends SingleTableEntityPersister {

		public SingleTable(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
				RuntimeModelCreationContext context) {
			super(entity, cache, naturalIdCache, context);
		}

		@Override
		protected AttributeMapping buildSingularAssociationAttributeMapping(String name, NavigableRole role,
				int stateArrayPosition, int fetchableIndex, Property property, ManagedMappingType declaringType,
				EntityPersister declaringPersister, EntityType type, PropertyAccess access, CascadeStyle cascade,
				MappingModelCreationProcess process) {
			return toOne(name, role, stateArrayPosition, fetchableIndex, property, declaringType, declaringPersister,
					type, access, cascade, process);
		}

	}

	/** {@link JoinedSubclassEntityPersister} with deferred to-ones. */
	public static final class Joined extends JoinedSubclassEntityPersister {

		public Joined(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
				RuntimeModelCreationContext context) {
			super(entity, cache, naturalIdCache, context);
		}

		@Override
		protected AttributeMapping buildSingularAssociationAttributeMapping(String name, NavigableRole role,
				int stateArrayPosition, int fetchableIndex, Property property, ManagedMappingType declaringType,
				EntityPersister declaringPersister, EntityType type, PropertyAccess access, CascadeStyle cascade,
				MappingModelCreationProcess process) {
			return toOne(name, role, stateArrayPosition, fetchableIndex, property, declaringType, declaringPersister,
					type, access, cascade, process);
		}

	}

	/** {@link UnionSubclassEntityPersister} with deferred to-ones. */
	public static final class Union extends UnionSubclassEntityPersister {

		public Union(PersistentClass entity, EntityDataAccess cache, NaturalIdDataAccess naturalIdCache,
				RuntimeModelCreationContext context) {
			super(entity, cache, naturalIdCache, context);
		}

		@Override
		protected AttributeMapping buildSingularAssociationAttributeMapping(String name, NavigableRole role,
				int stateArrayPosition, int fetchableIndex, Property property, ManagedMappingType declaringType,
				EntityPersister declaringPersister, EntityType type, PropertyAccess access, CascadeStyle cascade,
				MappingModelCreationProcess process) {
			return toOne(name, role, stateArrayPosition, fetchableIndex, property, declaringType, declaringPersister,
					type, access, cascade, process);
		}

	}

}
