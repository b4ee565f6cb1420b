package io.github.bulklazy.hibernate.internal;

import io.github.bulklazy.hibernate.planning.ToOneMappings;
import org.hibernate.engine.FetchTiming;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.results.graph.AssemblerCreationState;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.DomainResultCreationState;
import org.hibernate.sql.results.graph.Fetch;
import org.hibernate.sql.results.graph.FetchParent;
import org.hibernate.sql.results.graph.InitializerParent;
import org.hibernate.sql.results.graph.basic.BasicFetch;
import org.hibernate.sql.results.graph.entity.EntityFetch;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntityFetchSelectImpl;
import org.hibernate.sql.results.internal.domain.CircularFetchImpl;
import org.jspecify.annotations.Nullable;

/**
 * A to-one of an entity that Hibernate loads as it reads the owner's row (EAGER, or by unique
 * key), as Hibernate maps it, but with its secondary selects deferred: once {@link #attach
 * attached} by the engine, the fetch that a query without a fetch join makes of it collects the
 * targets of the whole result and loads them in bulk after the rows, by id
 * ({@link DeferredEagerToOneInitializer}) or by unique key ({@link DeferredUniqueKeyInitializer}).
 * Where Hibernate's batch select-fetch initializers would batch-initialize instead (a dynamic
 * instantiation, an owner in the second-level cache, a to-one not directly held by its owner's
 * row), and until attached, it loads as in plain Hibernate.
 */
final class DeferredEagerToOne extends ToOneAttributeMapping implements DeferredToOne {

	private volatile @Nullable EagerTargets targets;

	DeferredEagerToOne(ToOneAttributeMapping original) {
		super(original);
	}

	/**
	 * Whether the persisters build the attribute as a {@link DeferredEagerToOne}: an EAGER
	 * many-to-one or owning one-to-one, and those Hibernate loads as it reads the owner, lazy or
	 * not: an inverse one-to-one ({@code mappedBy}) or a to-one joined on a non-primary-key column
	 * (by unique key), an optional shared-primary-key one-to-one (by id).
	 */
	static boolean isCandidate(Property property) {
		return property.getValue() instanceof ToOne toOne && !ToOneMappings.makesProxy(toOne);
	}

	@Override
	public void attach(@Nullable EagerTargets targets) {
		this.targets = targets;
	}

	@Override
	public EntityPersister target() {
		return getEntityMappingType().getEntityPersister();
	}

	@Override
	public @Nullable String uniqueKeyProperty() {
		return getReferencedPropertyName();
	}

	@Override
	protected EntityFetch buildEntityFetchSelect(FetchParent fetchParent, ToOneAttributeMapping fetchedAttribute,
			NavigablePath navigablePath, DomainResult<?> keyResult, boolean selectByUniqueKey,
			boolean isAffectedByFilter, DomainResultCreationState creationState) {
		EagerTargets attached = this.targets;
		if (attached == null) {
			return super.buildEntityFetchSelect(fetchParent, fetchedAttribute, navigablePath, keyResult,
					selectByUniqueKey, isAffectedByFilter, creationState);
		}
		return deferredFetch(fetchParent, navigablePath, keyResult, selectByUniqueKey, isAffectedByFilter, false,
				creationState, attached);
	}

	/**
	 * Hibernate makes a delayed fetch of some to-ones by unique key (an inverse one-to-one), whose
	 * initializer loads the target as it reads the row: deferred like a select fetch by unique key.
	 */
	@Override
	protected EntityFetch buildEntityDelayedFetch(FetchParent fetchParent, ToOneAttributeMapping fetchedAttribute,
			NavigablePath navigablePath, DomainResult<?> keyResult, boolean selectByUniqueKey,
			DomainResultCreationState creationState) {
		EagerTargets attached = this.targets;
		if (attached == null || !selectByUniqueKey || isLazy()) {
			return super.buildEntityDelayedFetch(fetchParent, fetchedAttribute, navigablePath, keyResult,
					selectByUniqueKey, creationState);
		}
		return deferredFetch(fetchParent, navigablePath, keyResult, true, false, true, creationState, attached);
	}

	/**
	 * Hibernate makes a circular fetch of an inverse one-to-one whose counterpart's to-one leads
	 * back to the owner: deferred like a select fetch by unique key.
	 */
	@Override
	public @Nullable Fetch resolveCircularFetch(NavigablePath fetchablePath, FetchParent fetchParent,
			FetchTiming fetchTiming, DomainResultCreationState creationState) {
		Fetch fetch = super.resolveCircularFetch(fetchablePath, fetchParent, fetchTiming, creationState);
		EagerTargets attached = this.targets;
		if (attached == null || fetch == null || fetch.getClass() != CircularFetchImpl.class) {
			return fetch;
		}
		return new CircularFetchImpl((CircularFetchImpl) fetch) {

			@Override
			protected EntityInitializer<?> buildEntitySelectFetchInitializer(InitializerParent<?> parent,
					ToOneAttributeMapping fetchable, EntityPersister target, DomainResult<?> keyResult,
					NavigablePath navigablePath, boolean selectByUniqueKey, AssemblerCreationState creationState) {
				EntityInitializer<?> deferred = deferredInitializer(parent, target, keyResult, navigablePath,
						selectByUniqueKey, false, false, creationState, attached);
				return (deferred != null) ? deferred : super.buildEntitySelectFetchInitializer(parent, fetchable,
						target, keyResult, navigablePath, selectByUniqueKey, creationState);
			}

			@Override
			protected EntityInitializer<?> buildEntityDelayedFetchInitializer(InitializerParent<?> parent,
					NavigablePath referencedPath, ToOneAttributeMapping fetchable, boolean selectByUniqueKey,
					DomainResult<?> keyResult, BasicFetch<?> discriminatorFetch, AssemblerCreationState creationState) {
				EntityInitializer<?> deferred = (selectByUniqueKey && !isLazy())
						? deferredInitializer(parent, getEntityMappingType().getEntityPersister(), keyResult,
								getNavigablePath(), true, false, true, creationState, attached)
						: null;
				return (deferred != null) ? deferred : super.buildEntityDelayedFetchInitializer(parent,
						referencedPath, fetchable, selectByUniqueKey, keyResult, discriminatorFetch, creationState);
			}

		};
	}

	private EntityFetch deferredFetch(FetchParent fetchParent, NavigablePath navigablePath, DomainResult<?> keyResult,
			boolean selectByUniqueKey, boolean isAffectedByFilter, boolean delayed,
			DomainResultCreationState creationState, EagerTargets attached) {
		return new EntityFetchSelectImpl(fetchParent, this, navigablePath, keyResult, selectByUniqueKey,
				isAffectedByFilter, creationState) {

			@Override
			public EntityInitializer<?> createInitializer(InitializerParent<?> parent,
					AssemblerCreationState creationState) {
				EntityInitializer<?> deferred = deferredInitializer(parent,
						getReferencedMappingContainer().getEntityPersister(), getKeyResult(), getNavigablePath(),
						isSelectByUniqueKey(), isAffectedByFilter(), delayed, creationState, attached);
				return (deferred != null) ? deferred : super.createInitializer(parent, creationState);
			}

		};
	}

	/**
	 * The initializer that defers the select, or {@code null} where Hibernate's batch initializers
	 * would batch-initialize instead: a to-one not directly held by its owner's row, a dynamic
	 * instantiation, an owner in the second-level cache.
	 * @param delayed whether it takes the place of Hibernate's delayed-fetch initializer, which the
	 * owner's entry then records as possibly lazy, as in plain Hibernate
	 */
	private @Nullable EntityInitializer<?> deferredInitializer(InitializerParent<?> parent, EntityPersister target,
			DomainResult<?> keyResult, NavigablePath path, boolean selectByUniqueKey, boolean affectedByFilter,
			boolean delayed, AssemblerCreationState creationState, EagerTargets attached) {
		if (!parent.isEntityInitializer() || creationState.isDynamicInstantiation()
				|| parent.asEntityInitializer().getEntityDescriptor().getCacheAccessStrategy() != null) {
			return null;
		}
		return selectByUniqueKey
				? new DeferredUniqueKeyInitializer(parent.asEntityInitializer(), this, path, target, keyResult,
						affectedByFilter, delayed, creationState, attached)
				: new DeferredEagerToOneInitializer(parent.asEntityInitializer(), this, path, target, keyResult,
						affectedByFilter, creationState, attached);
	}

}
