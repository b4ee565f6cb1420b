package io.github.bulklazy.hibernate;

import java.lang.reflect.Array;

import org.hibernate.LockOptions;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.EntityBatchLoaderArrayParam;
import org.hibernate.loader.ast.internal.EntityBatchLoaderInPredicate;
import org.hibernate.metamodel.mapping.EntityMappingType;

/**
 * Loads one chunk of entity ids with the SQL of Hibernate's own batch loaders, which honours
 * filters, {@code @SQLRestriction}, read-only sessions and attaches the rows to existing proxies.
 * Unlike those loaders it takes the ids it is given instead of reading Hibernate's batch-fetch
 * queue, which a flush clears.
 */
interface EntityChunkLoader {

	/**
	 * Loads the entities with the given ids into the session.
	 * @param ids at most the loader's size, without nulls
	 * @param readOnly the read-only mode of the triggering load, {@code null} for the session's
	 * @param session the session
	 */
	void load(Object[] ids, Boolean readOnly, SharedSessionContractImplementor session);

	/**
	 * Creates a loader for up to {@code size} ids: one array parameter where the dialect takes
	 * arrays, otherwise an IN list of {@code size} placeholders padded with nulls.
	 */
	static EntityChunkLoader create(int size, boolean arrayParameter, EntityMappingType entity,
			LoadQueryInfluencers influencers) {
		return arrayParameter ? new ArrayParameter<>(size, entity, influencers)
				: new InPredicate<>(size, entity, influencers);
	}

	/** Loads with {@code id = any (?)}, binding an array of the identifier's type, as Hibernate 7.1 requires. */
	final class ArrayParameter<T> extends EntityBatchLoaderArrayParam<T> implements EntityChunkLoader {

		private final Class<?> idType;

		ArrayParameter(int size, EntityMappingType entity, LoadQueryInfluencers influencers) {
			super(size, entity, influencers);
			this.idType = entity.getIdentifierMapping().getJavaType().getJavaTypeClass();
		}

		@Override
		public void load(Object[] ids, Boolean readOnly, SharedSessionContractImplementor session) {
			Object[] typedIds = (Object[]) Array.newInstance(this.idType, ids.length);
			System.arraycopy(ids, 0, typedIds, 0, ids.length);
			initializeEntities(typedIds, typedIds[0], null, new LockOptions(), readOnly, session);
		}

	}

	/** Loads with {@code id in (?, ?, ...)}. */
	final class InPredicate<T> extends EntityBatchLoaderInPredicate<T> implements EntityChunkLoader {

		InPredicate(int size, EntityMappingType entity, LoadQueryInfluencers influencers) {
			super(size, entity, influencers);
		}

		@Override
		public void load(Object[] ids, Boolean readOnly, SharedSessionContractImplementor session) {
			initializeEntities(ids, ids[0], null, new LockOptions(), readOnly, session);
		}

	}

}
