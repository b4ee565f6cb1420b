package io.github.bulklazy.hibernate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.FlushMode;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityUniqueKey;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.event.spi.EventSource;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;

/**
 * Loads the targets of a to-one by unique key (an inverse one-to-one: the entity whose owning
 * to-one names the key; or the entity whose unique column the key is), chunk by chunk, with a query
 * of the target entity by that key, which applies {@code @SQLRestriction} as Hibernate's unique-key
 * loader does and never flushes (it runs only in sessions without enabled filters, which it would
 * apply where that loader applies only those for loads by key). Each target found is registered in
 * the persistence context under its unique key, where Hibernate looks it up.
 */
final class UniqueKeyTargets implements EagerTargets {

	private final EntityPersister target;

	private final String property;

	private final Type keyType;

	private final int keyPosition;

	private final String query;

	private final int chunkSize;

	private final AssociationStatistics statistics;

	UniqueKeyTargets(EntityPersister target, String property, int chunkSize, AssociationStatistics statistics) {
		this.target = target;
		this.property = property;
		this.keyType = target.getPropertyType(property);
		this.keyPosition = target.findAttributeMapping(property).getStateArrayPosition();
		String key = (this.keyType instanceof EntityType) ? "fk(t." + property + ")" : "t." + property;
		this.query = "select t from " + target.getEntityName() + " t where " + key + " in (:keys)";
		this.chunkSize = chunkSize;
		this.statistics = statistics;
	}

	@Override
	public Set<Object> load(List<Object> keys, EventSource session) {
		PersistenceContext context = session.getPersistenceContextInternal();
		for (int from = 0; from < keys.size(); from += this.chunkSize) {
			List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + this.chunkSize));
			List<?> found = session.createSelectionQuery(this.query, this.target.getMappedClass())
				.setParameterList("keys", chunk)
				.setHibernateFlushMode(FlushMode.MANUAL)
				.getResultList();
			Set<EntityUniqueKey> registered = new HashSet<>();
			for (Object row : found) {
				// the query returns the proxy the session holds for a row, if any
				Object entity = context.unproxy(row);
				Object value = loadedKey(entity, context);
				EntityUniqueKey key = uniqueKey(value, session);
				if (!registered.add(key)) {
					// two rows for one key: Hibernate's unique-key loader fails, and so does this load
					this.target.loadByUniqueKey(this.property, value, session);
				}
				context.addEntity(key, entity);
			}
			this.statistics.bulkStatement(chunk.size(), found.size());
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
