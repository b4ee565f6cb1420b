package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.EntityFilterException;
import org.hibernate.FetchNotFoundException;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.engine.spi.EntityEntry;
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
 * Reads the key of an EAGER to-one row by row like Hibernate's select-fetch initializer, but
 * instead of loading each target with a select of its own while the row is read, notes the owner
 * and the key, and once the result's rows are all read (before any entity's post-load event), has
 * the engine load every noted target in one statement per chunk, then sets each owner's attribute
 * and loaded state to the target Hibernate finds in the session, with Hibernate's own checks for
 * missing and filtered rows. Rows it cannot defer exactly load as in plain Hibernate: a target the
 * session already knows, an owner not built by this row, a scroll, a stateless session, a query
 * under an entity graph.
 */
final class DeferredEagerToOneInitializer extends EntitySelectFetchInitializer<DeferredEagerToOneInitializer.Data> {

	private final EntityInitializer<InitializerData> owner;

	private final EagerTargets targets;

	/** The owner and the key of an EAGER to-one waiting for its target. */
	private record Waiting(Object owner, Object id) {
	}

	/** The state of one result: that of Hibernate's initializer, and the to-ones waiting for their targets. */
	static final class Data extends EntitySelectFetchInitializerData {

		private @Nullable List<Waiting> waiting;

		Data(DeferredEagerToOneInitializer initializer, RowProcessingState rowProcessingState) {
			super(initializer, rowProcessingState);
		}

		void setIdentifier(@Nullable Object id) {
			this.entityIdentifier = id;
		}

	}

	@SuppressWarnings("unchecked")
	DeferredEagerToOneInitializer(EntityInitializer<?> owner, ToOneAttributeMapping toOne, NavigablePath path,
			EntityPersister target, DomainResult<?> keyResult, boolean affectedByFilter,
			AssemblerCreationState creationState, EagerTargets targets) {
		super(owner, toOne, path, target, keyResult, affectedByFilter, creationState);
		this.owner = (EntityInitializer<InitializerData>) owner;
		this.targets = targets;
	}

	@Override
	protected InitializerData createInitializerData(RowProcessingState rowProcessingState) {
		return new Data(this, rowProcessingState);
	}

	@Override
	public void resolveInstance(Data data) {
		if (data.getState() != State.KEY_RESOLVED || !isDeferrable(data.getRowProcessingState())) {
			super.resolveInstance(data);
			return;
		}
		RowProcessingState row = data.getRowProcessingState();
		Object id = this.keyAssembler.assemble(row);
		data.setIdentifier(id);
		if (id == null) {
			data.setState(State.MISSING);
			data.setInstance(null);
			return;
		}
		data.setState(State.INITIALIZED);
		if (row.getSession().getPersistenceContextInternal()
			.getEntityHolder(new EntityKey(id, this.concreteDescriptor)) != null) {
			// the session knows the row: Hibernate takes it from there, or loads it, as in plain Hibernate
			initialize(data);
			return;
		}
		data.setInstance(null);
		if (data.waiting == null) {
			data.waiting = new ArrayList<>();
		}
		data.waiting.add(new Waiting(this.owner.getTargetInstance(this.owner.getData(row)), id));
	}

	/** Whether the row's owner is built by this row, in a result read at once into a stateful session. */
	private boolean isDeferrable(RowProcessingState row) {
		SharedSessionContractImplementor session = row.getSession();
		InitializerData ownerData = this.owner.getData(row);
		return !row.isScrollResult() && session.isEventSource() && this.keyAssembler.getInitializer() == null
				&& session.getLoadQueryInfluencers().getEffectiveEntityGraph().getSemantic() == null
				&& ownerData.getState() != State.INITIALIZED
				&& this.owner.getConcreteDescriptor(ownerData)
					.findAttributeMapping(this.toOneMapping.getAttributeName()) == this.toOneMapping;
	}

	@Override
	public void endLoading(Data data) {
		List<Waiting> waiting = data.waiting;
		if (waiting == null) {
			return;
		}
		data.waiting = null;
		SharedSessionContractImplementor session = data.getRowProcessingState().getSession();
		Set<Object> notFound = this.targets.load(waiting.stream().map(Waiting::id).distinct().toList(),
				session.asEventSource());
		Map<Object, @Nullable Object> targetById = new HashMap<>();
		for (Waiting entry : waiting) {
			if (!targetById.containsKey(entry.id())) {
				targetById.put(entry.id(), target(entry.id(), notFound, session));
			}
			Object target = targetById.get(entry.id());
			this.toOneMapping.getPropertyAccess().getSetter().set(entry.owner(), target);
			EntityEntry ownerEntry = session.getPersistenceContextInternal().getEntry(entry.owner());
			Object[] loadedState = (ownerEntry != null) ? ownerEntry.getLoadedState() : null;
			if (loadedState != null) {
				loadedState[this.toOneMapping.getStateArrayPosition()] = target;
			}
		}
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
			checkNotFound(entityName, id);
		}
		else if (target instanceof HibernateProxy proxy) {
			proxy.getHibernateLazyInitializer()
				.setUnwrap(this.toOneMapping.isUnwrapProxy()
						&& this.concreteDescriptor.getBytecodeEnhancementMetadata().isEnhancedForLazyLoading());
		}
		return target;
	}

	/** Hibernate's rule for a target not found: an error unless the mapping ignores it. */
	private void checkNotFound(String entityName, Object id) {
		NotFoundAction action = this.toOneMapping.getNotFoundAction();
		if (action == NotFoundAction.IGNORE) {
			return;
		}
		if (this.affectedByFilter) {
			throw new EntityFilterException(entityName, id, this.toOneMapping.getNavigableRole().getFullPath());
		}
		if (action == NotFoundAction.EXCEPTION) {
			throw new FetchNotFoundException(entityName, id);
		}
	}

	@Override
	public String toString() {
		return "DeferredEagerToOneInitializer(" + getNavigablePath() + ")";
	}

}
