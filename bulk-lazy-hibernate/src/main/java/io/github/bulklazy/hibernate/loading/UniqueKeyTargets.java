package io.github.bulklazy.hibernate.loading;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.bulklazy.hibernate.internal.EagerTargets;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import io.github.bulklazy.hibernate.internal.KeySelect;
import org.hibernate.FlushMode;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityUniqueKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.spi.EventSource;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Loads the targets of a to-one by unique key (an inverse one-to-one: the entity whose owning
 * to-one names the key; or the entity whose unique column the key is), chunk by chunk, by that
 * key: with one array parameter where the dialect takes arrays and the key is one plain column,
 * else with a query of the target entity by an IN list. Both apply {@code @SQLRestriction} as
 * Hibernate's unique-key loader does and never flush; they run only in sessions without enabled
 * filters, which the query would apply where that loader applies only those for loads by key.
 * Each target found is registered in the persistence context under its unique key, where
 * Hibernate looks it up.
 */
final class UniqueKeyTargets implements EagerTargets {

	private final EntityPersister target;

	private final String property;

	private final Type keyType;

	private final int keyPosition;

	private final String query;

	/** The column a select by one array parameter restricts, where the dialect takes arrays and the key is plain. */
	private final @Nullable BasicValuedModelPart arrayColumn;

	private final HibernateAccess access;

	/** The select by one array parameter, once built; {@code null} for IN lists. */
	private volatile @Nullable KeySelect arraySelect;

	private final int chunkSize;

	private final AssociationCounters counters;

	private final SessionPeersRegistry sessions;

	UniqueKeyTargets(EntityPersister target, String property, int chunkSize, HibernateAccess access,
			AssociationCounters counters, SessionPeersRegistry sessions) {
		this.target = target;
		this.property = property;
		this.keyType = target.getPropertyType(property);
		AttributeMapping attribute = target.findAttributeMapping(property);
		this.keyPosition = attribute.getStateArrayPosition();
		String key = (this.keyType instanceof EntityType) ? "fk(t." + property + ")" : "t." + property;
		this.query = "select t from " + target.getEntityName() + " t where " + key + " in (:keys)";
		ModelPart keyPart = (attribute instanceof EntityAssociationMapping toOne)
				? toOne.getForeignKeyDescriptor().getKeyPart() : attribute;
		this.arrayColumn = (target.getFactory().getJdbcServices().getDialect().useArrayForMultiValuedParameters()
				&& keyPart instanceof BasicValuedModelPart column && column.getJdbcMapping().getValueConverter() == null)
						? column : null;
		this.access = access;
		this.chunkSize = chunkSize;
		this.counters = counters;
		this.sessions = sessions;
	}

	@Override
	public void buildSelect() {
		if (this.arrayColumn != null) {
			this.arraySelect = this.access.keySelect(this.target, this.arrayColumn);
		}
	}

	/** Loads the targets chunk by chunk, in the peer scope of the result that names them. */
	@Override
	public Set<Object> load(List<Object> keys, EventSource session) {
		return this.sessions.findOrCreate(session)
			.inOneScope(false, () -> this.counters.observeBulkLoad(keys.size(), () -> loadChunks(keys, session)));
	}

	private Set<Object> loadChunks(List<Object> keys, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		// the array select is built without the session's fetch profiles, which the query applies
		KeySelect byArray = this.target.isAffectedByInfluencers(session.getLoadQueryInfluencers(), true) ? null
				: this.arraySelect;
		for (int from = 0; from < keys.size(); from += this.chunkSize) {
			List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + this.chunkSize));
			List<?> found = (byArray != null) ? byArray.load(chunk, session)
					: session.createSelectionQuery(this.query, this.target.getMappedClass())
						.setParameterList("keys", chunk)
						.setHibernateFlushMode(FlushMode.MANUAL)
						.getResultList();
			Map<EntityUniqueKey, Object> registered = new HashMap<>();
			for (Object row : found) {
				// the query returns the proxy the session holds for a row, if any
				Object entity = context.unproxy(row);
				EntityUniqueKey key = uniqueKey(loadedKey(entity, context), session);
				Object other = registered.put(key, entity);
				if (other != null && other != entity) {
					// two rows for one key: Hibernate's unique-key loader fails, and so does this load
					throw new HibernateException("More than one row with the given identifier was found: "
							+ key.getKey() + ", for class: " + this.target.getEntityName());
				}
				context.addEntity(key, entity);
			}
			this.counters.bulkStatement(chunk.size(), found.size());
		}
		Set<Object> notFound = new HashSet<>();
		keys.stream().filter((key) -> context.getEntity(uniqueKey(key, session)) == null).forEach(notFound::add);
		return notFound;
	}

	/**
	 * The key as the database holds it: the entity's loaded state, which a change the session has
	 * not flushed yet leaves alone (the query does not flush), or its value if it has none
	 * (read-only).
	 */
	private Object loadedKey(Object entity, PersistenceContext context) {
		EntityEntry entry = context.getEntry(entity);
		Object[] loadedState = (entry != null) ? entry.getLoadedState() : null;
		return (loadedState != null) ? loadedState[this.keyPosition] : this.target.getPropertyValue(entity, this.property);
	}

	private EntityUniqueKey uniqueKey(Object key, EventSource session) {
		return new EntityUniqueKey(this.target.getEntityName(), this.property, key, this.keyType, session.getFactory());
	}

}
