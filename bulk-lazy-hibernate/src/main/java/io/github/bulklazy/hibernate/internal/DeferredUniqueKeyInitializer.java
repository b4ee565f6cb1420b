package io.github.bulklazy.hibernate.internal;

import java.util.Set;

import org.hibernate.engine.spi.EntityUniqueKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.results.graph.AssemblerCreationState;
import org.hibernate.sql.results.graph.DomainResult;
import org.hibernate.sql.results.graph.InitializerData;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.graph.entity.internal.EntitySelectFetchByUniqueKeyInitializer;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's select-fetch initializer of a to-one by unique key (an inverse
 * {@code @OneToOne(mappedBy = ...)}, or a to-one joined on a non-primary-key column), but
 * instead of loading each target with a select of its own while the row is read, it notes the
 * owner and the key ({@link Deferral}), and once the result's rows are all read has the engine
 * load the targets of every key in one statement per chunk, then sets each owner's attribute to
 * the target Hibernate finds in the session by unique key, or {@code null} where the statement
 * found none. A key the session already resolves, a result read outside a transaction (where the
 * query that loads the targets would end the session's use of the connection), and a session with
 * enabled filters (which that query would apply, where Hibernate's unique-key loader applies only
 * those for loads by key) load as in plain Hibernate.
 */
final class DeferredUniqueKeyInitializer extends EntitySelectFetchByUniqueKeyInitializer {

	private final Deferral deferral;

	private final EagerTargets targets;

	private final String uniqueKeyProperty;

	private final boolean delayed;

	/**
	 * @param delayed whether it takes the place of Hibernate's delayed-fetch initializer (a lazy
	 * inverse one-to-one), which is not eager unless its key is
	 */
	DeferredUniqueKeyInitializer(EntityInitializer<?> owner, ToOneAttributeMapping toOne, NavigablePath path,
			EntityPersister target, DomainResult<?> keyResult, boolean affectedByFilter, boolean delayed,
			AssemblerCreationState creationState, EagerTargets targets) {
		super(owner, toOne, path, target, keyResult, affectedByFilter, creationState);
		this.deferral = new Deferral(owner, toOne, affectedByFilter);
		this.targets = targets;
		this.uniqueKeyProperty = toOne.getReferencedPropertyName();
		this.delayed = delayed;
	}

	/**
	 * As eager as the initializer it takes the place of: the owner's entry records the attribute as
	 * possibly lazy when it is not, so that a later query that fetch-joins it to the owner checks
	 * its key as in plain Hibernate.
	 */
	@Override
	public boolean isEager() {
		return this.delayed ? this.keyIsEager : super.isEager();
	}

	@Override
	protected InitializerData createInitializerData(RowProcessingState rowProcessingState) {
		return new Deferral.Data(this, rowProcessingState);
	}

	@Override
	protected void initialize(EntitySelectFetchInitializerData data) {
		if (!this.deferral.defer((Deferral.Data) data, this::leftToHibernate)) {
			super.initialize(data);
		}
	}

	/**
	 * Whether the key loads as in plain Hibernate: the session resolves it already, or the query
	 * that loads the targets would differ from Hibernate's unique-key loader (see the class).
	 */
	private boolean leftToHibernate(SharedSessionContractImplementor session, Object key) {
		return !session.isTransactionInProgress() || session.getLoadQueryInfluencers().hasEnabledFilters()
				|| session.getPersistenceContextInternal().getEntity(uniqueKey(key, session)) != null;
	}

	@Override
	public void endLoading(EntitySelectFetchInitializerData data) {
		SharedSessionContractImplementor session = data.getRowProcessingState().getSession();
		this.deferral.finish((Deferral.Data) data, this.targets,
				(key, notFound) -> target(key, notFound, session));
	}

	/**
	 * The target as Hibernate's select fetch resolves it, from the session by unique key:
	 * {@code null} without a statement for a key the bulk load found no row for.
	 */
	private @Nullable Object target(Object key, Set<Object> notFound, SharedSessionContractImplementor session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		EntityUniqueKey uniqueKey = uniqueKey(key, session);
		Object target = context.getEntity(uniqueKey);
		if (target == null && !notFound.contains(key)) {
			target = this.concreteDescriptor.loadByUniqueKey(this.uniqueKeyProperty, key, session);
			context.addEntity(uniqueKey, target);
		}
		if (target == null) {
			this.deferral.checkNotFound(this.concreteDescriptor.getEntityName(), key);
			return null;
		}
		return context.proxyFor(target);
	}

	private EntityUniqueKey uniqueKey(Object key, SharedSessionContractImplementor session) {
		return new EntityUniqueKey(this.concreteDescriptor.getEntityName(), this.uniqueKeyProperty, key,
				this.concreteDescriptor.getPropertyType(this.uniqueKeyProperty), session.getFactory());
	}

	@Override
	public String toString() {
		return "DeferredUniqueKeyInitializer(" + getNavigablePath() + ")";
	}

}
