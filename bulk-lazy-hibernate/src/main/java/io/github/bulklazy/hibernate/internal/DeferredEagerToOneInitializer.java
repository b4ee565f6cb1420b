package io.github.bulklazy.hibernate.internal;

import java.util.Set;

import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.results.graph.AssemblerCreationState;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.InitializerData;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntitySelectFetchInitializer;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's select-fetch initializer of a to-one by id, but instead of loading each target with
 * a select of its own while the row is read, it notes the owner and the key ({@link Deferral}),
 * and once the result's rows are all read has the engine load the targets the session does not
 * hold in one statement per chunk, then sets each owner's attribute to the target Hibernate finds
 * in the session. A target the session already knows loads as in plain Hibernate.
 */
final class DeferredEagerToOneInitializer extends EntitySelectFetchInitializer<EntitySelectFetchInitializer.EntitySelectFetchInitializerData> {

	private final Deferral deferral;

	private final EagerTargets targets;

	DeferredEagerToOneInitializer(EntityInitializer<?> owner, ToOneAttributeMapping toOne, NavigablePath path,
			EntityPersister target, DomainResult<?> keyResult, boolean affectedByFilter,
			AssemblerCreationState creationState, EagerTargets targets) {
		super(owner, toOne, path, target, keyResult, affectedByFilter, creationState);
		this.deferral = new Deferral(owner, toOne, affectedByFilter);
		this.targets = targets;
	}

	@Override
	protected InitializerData createInitializerData(RowProcessingState rowProcessingState) {
		return new Deferral.Data(this, rowProcessingState);
	}

	@Override
	protected void initialize(EntitySelectFetchInitializerData data) {
		if (!this.deferral.defer((Deferral.Data) data, this::knownToSession)) {
			super.initialize(data);
		}
	}

	/** Whether the session knows the row: Hibernate then takes it from there, or loads it, as in plain Hibernate. */
	private boolean knownToSession(SharedSessionContractImplementor session, Object id) {
		return session.getPersistenceContextInternal().getEntityHolder(new EntityKey(id, this.concreteDescriptor)) != null;
	}

	@Override
	public void endLoading(EntitySelectFetchInitializerData data) {
		SharedSessionContractImplementor session = data.getRowProcessingState().getSession();
		this.deferral.finish((Deferral.Data) data, this.targets,
				(id, notFound) -> target(id, notFound, session));
	}

	/**
	 * The target as Hibernate's select fetch resolves it, from the session: {@code null} without
	 * a statement for a row the bulk load did not find, where the mapping allows it.
	 */
	private @Nullable Object target(Object id, Set<Object> notFound, SharedSessionContractImplementor session) {
		String entityName = this.concreteDescriptor.getEntityName();
		boolean nullable = this.toOneMapping.isInternalLoadNullable();
		Object target = (nullable && notFound.contains(id)) ? null
				: session.internalLoad(entityName, id, true, nullable);
		if (target == null) {
			this.deferral.checkNotFound(entityName, id);
		}
		else if (target instanceof HibernateProxy proxy) {
			proxy.getHibernateLazyInitializer()
				.setUnwrap(this.toOneMapping.isUnwrapProxy()
						&& this.concreteDescriptor.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading());
		}
		return target;
	}

	@Override
	public String toString() {
		return "DeferredEagerToOneInitializer(" + getNavigablePath() + ")";
	}

}
