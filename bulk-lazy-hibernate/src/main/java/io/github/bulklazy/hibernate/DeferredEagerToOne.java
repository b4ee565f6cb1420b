package io.github.bulklazy.hibernate;

import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.Property;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.results.graph.AssemblerCreationState;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.DomainResultCreationState;
import org.hibernate.sql.results.graph.FetchParent;
import org.hibernate.sql.results.graph.InitializerParent;
import org.hibernate.sql.results.graph.entity.EntityFetch;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntityFetchSelectImpl;
import org.jspecify.annotations.Nullable;

/**
 * An EAGER to-one of an entity, as Hibernate maps it, whose secondary selects bulk-lazy defers:
 * once {@link #attach attached} by the engine, the select fetch that a query without a fetch join
 * makes of it collects the targets of the whole result and loads them in bulk after the rows
 * ({@link DeferredEagerToOneInitializer}). Where Hibernate's batch select-fetch initializers would
 * batch-initialize instead (a dynamic instantiation, an owner in the second-level cache, a to-one
 * not directly held by its owner's row), and until attached, it loads as in plain Hibernate.
 */
final class DeferredEagerToOne extends ToOneAttributeMapping {

	private volatile @Nullable EagerTargets targets;

	DeferredEagerToOne(ToOneAttributeMapping original) {
		super(original);
	}

	/** Whether the persisters build the attribute as a {@link DeferredEagerToOne}: an EAGER many-to-one to a primary key. */
	static boolean isCandidate(Property property) {
		return property.getValue() instanceof ManyToOne toOne && !toOne.isLazy() && toOne.isReferenceToPrimaryKey();
	}

	/** Has the engine load the targets from now on. */
	void attach(EagerTargets targets) {
		this.targets = targets;
	}

	@Override
	protected EntityFetch buildEntityFetchSelect(FetchParent fetchParent, ToOneAttributeMapping fetchedAttribute,
			NavigablePath navigablePath, DomainResult<?> keyResult, boolean selectByUniqueKey,
			boolean isAffectedByFilter, DomainResultCreationState creationState) {
		EagerTargets attached = this.targets;
		if (attached == null || selectByUniqueKey) {
			return super.buildEntityFetchSelect(fetchParent, fetchedAttribute, navigablePath, keyResult,
					selectByUniqueKey, isAffectedByFilter, creationState);
		}
		return new EntityFetchSelectImpl(fetchParent, fetchedAttribute, navigablePath, keyResult, false,
				isAffectedByFilter, creationState) {

			@Override
			public EntityInitializer<?> createInitializer(InitializerParent<?> parent,
					AssemblerCreationState creationState) {
				if (!parent.isEntityInitializer() || creationState.isDynamicInstantiation()
						|| parent.asEntityInitializer().getEntityDescriptor().getCacheAccessStrategy() != null) {
					return super.createInitializer(parent, creationState);
				}
				return new DeferredEagerToOneInitializer(parent.asEntityInitializer(), getFetchedMapping(),
						getNavigablePath(), getReferencedMappingContainer().getEntityPersister(), getKeyResult(),
						isAffectedByFilter(), creationState, attached);
			}

		};
	}

}
