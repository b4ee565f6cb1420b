package io.github.bulklazy.hibernate.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

import jakarta.persistence.Tuple;
import org.hibernate.EntityFilterException;
import org.hibernate.FetchNotFoundException;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMappingsList;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.sql.results.graph.Initializer;
import org.hibernate.sql.results.graph.InitializerData;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntitySelectFetchInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntitySelectFetchInitializer.EntitySelectFetchInitializerData;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;
import org.jspecify.annotations.Nullable;

/**
 * What bulk-lazy's select-fetch initializers share: which rows they defer, the owners waiting for
 * their targets in one result, and, once the targets are loaded after the rows (before any
 * entity's post-load event), setting each owner's attribute and loaded state, with Hibernate's
 * checks for missing and filtered rows. Rows it cannot defer exactly load as in plain Hibernate: an
 * owner the row does not build (already in the session), a scroll, a stateless session, a query
 * under an entity graph or with a tuple transformer or a result class, a key with an association inside.
 */
final class Deferral {

	private final EntityInitializer<InitializerData> owner;

	private final ToOneAttributeMapping toOne;

	private final boolean affectedByFilter;

	/**
	 * Whether the target's id holds an association, which the key's initializer resolves as the row
	 * is read; a composite id of plain columns is deferred like any other.
	 */
	private final boolean keyHoldsAssociation;

	/** The owner and the key of a to-one waiting for its target. */
	private record Waiting(Object owner, Object key) {
	}

	/** The state of one result: that of Hibernate's initializer, and the to-ones waiting for their targets. */
	static final class Data extends EntitySelectFetchInitializerData {

		private @Nullable List<Waiting> waiting;

		Data(EntitySelectFetchInitializer<?> initializer, RowProcessingState rowProcessingState) {
			super(initializer, rowProcessingState);
		}

		/** The key of the current row, once Hibernate's initializer has read it. */
		@Nullable Object key() {
			return this.entityIdentifier;
		}

	}

	@SuppressWarnings("unchecked")
	Deferral(EntityInitializer<?> owner, ToOneAttributeMapping toOne, boolean affectedByFilter) {
		this.owner = (EntityInitializer<InitializerData>) owner;
		this.toOne = toOne;
		this.affectedByFilter = affectedByFilter;
		this.keyHoldsAssociation = holdsAssociation(toOne.getEntityMappingType().getIdentifierMapping());
	}

	/** Whether the part is, or holds in its embeddables, an association to an entity. */
	private static boolean holdsAssociation(ModelPart part) {
		if (part instanceof EntityValuedModelPart) {
			return true;
		}
		if (part instanceof EmbeddableValuedModelPart embeddable) {
			AttributeMappingsList attributes = embeddable.getEmbeddableTypeDescriptor().getAttributeMappings();
			for (int i = 0; i < attributes.size(); i++) {
				if (holdsAssociation(attributes.get(i))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Defers the row's target: notes the row's owner and key, and leaves the attribute
	 * {@code null} until {@link #finish}. Does nothing where the row cannot be deferred exactly (its
	 * owner not built by this row, a result not read at once into a stateful session and handed
	 * out as it is read) or the initializer leaves the key to Hibernate.
	 * @return whether it deferred the target; if not, the initializer loads it as Hibernate does
	 */
	boolean defer(Data data, BiPredicate<SharedSessionContractImplementor, Object> leftToHibernate) {
		RowProcessingState row = data.getRowProcessingState();
		SharedSessionContractImplementor session = row.getSession();
		InitializerData ownerData = this.owner.getData(row);
		boolean deferrable = !row.isScrollResult() && session.isEventSource() && !this.keyHoldsAssociation
				&& session.getLoadQueryInfluencers().getEffectiveEntityGraph().getSemantic() == null
				&& handsOutRowsAsRead(row) && ownerData.getState() != Initializer.State.INITIALIZED
				&& this.owner.getConcreteDescriptor(ownerData)
					.findAttributeMapping(this.toOne.getAttributeName()) == this.toOne;
		Object key = data.key();
		if (!deferrable || key == null || leftToHibernate.test(session, key)) {
			return false;
		}
		data.setInstance(null);
		if (data.waiting == null) {
			data.waiting = new ArrayList<>();
		}
		data.waiting.add(new Waiting(this.owner.getTargetInstance(ownerData), key));
		return true;
	}

	/**
	 * Whether the result hands out what the rows hold (entities, arrays, tuples, values): a tuple
	 * transformer, or a result class built from each row, could read the attribute before it is set.
	 */
	private static boolean handsOutRowsAsRead(RowProcessingState row) {
		if (row.getQueryOptions().getTupleTransformer() != null) {
			return false;
		}
		Class<?> type = row.getRowReader().getDomainResultResultJavaType();
		return type == null || type.isArray() || type.getName().startsWith("java.") || Tuple.class.isAssignableFrom(type)
				|| row.getSession().getFactory().getMappingMetamodel().isEntityClass(type);
	}

	/**
	 * Once the result's rows are read: has the engine load the targets the owners wait for, then
	 * sets each owner's attribute and loaded state to its target, resolved once per key, and
	 * forgets the owners.
	 * @param targetOf resolves a key as Hibernate would, given the keys the engine found no row for
	 */
	void finish(Data data, EagerTargets targets, BiFunction<Object, Set<Object>, @Nullable Object> targetOf) {
		List<Waiting> waiting = data.waiting;
		data.waiting = null;
		if (waiting == null) {
			return;
		}
		SharedSessionContractImplementor session = data.getRowProcessingState().getSession();
		Set<Object> notFound = targets.load(waiting.stream().map(Waiting::key).distinct().toList(),
				session.asEventSource());
		Map<Object, @Nullable Object> targetByKey = new HashMap<>();
		for (Waiting entry : waiting) {
			if (!targetByKey.containsKey(entry.key())) {
				targetByKey.put(entry.key(), targetOf.apply(entry.key(), notFound));
			}
			Object target = targetByKey.get(entry.key());
			this.toOne.getPropertyAccess().getSetter().set(entry.owner(), target);
			EntityEntry ownerEntry = session.getPersistenceContextInternal().getEntry(entry.owner());
			Object[] loadedState = (ownerEntry != null) ? ownerEntry.getLoadedState() : null;
			if (loadedState != null) {
				loadedState[this.toOne.getStateArrayPosition()] = target;
			}
		}
	}


	/** Hibernate's rule for a target not found: an error unless the mapping ignores it. */
	void checkNotFound(String entityName, Object key) {
		NotFoundAction action = this.toOne.getNotFoundAction();
		if (action == NotFoundAction.IGNORE) {
			return;
		}
		if (this.affectedByFilter) {
			throw new EntityFilterException(entityName, key, this.toOne.getNavigableRole().getFullPath());
		}
		if (action == NotFoundAction.EXCEPTION) {
			throw new FetchNotFoundException(entityName, key);
		}
	}

}
