package io.github.bulklazy.hibernate.internal;

import java.lang.reflect.Array;

import org.hibernate.LockOptions;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.EntityBatchLoaderArrayParam;
import org.hibernate.loader.ast.internal.EntityBatchLoaderInPredicate;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.jspecify.annotations.Nullable;

/** The two {@link EntityChunkLoader}s: Hibernate's entity batch loaders, the same on every line. */
final class EntityLoaders {

	private EntityLoaders() {
	}

	static EntityChunkLoader create(int size, boolean arrayParameter, EntityMappingType entity,
			LoadQueryInfluencers influencers) {
		return arrayParameter ? new ArrayParameter<>(size, entity, influencers)
				: new InPredicate<>(size, entity, influencers);
	}

	/** Loads with {@code id = any (?)}, binding an array of the identifier's type, as Hibernate 7.1 requires. */
	private static final class ArrayParameter<T> extends EntityBatchLoaderArrayParam<T> implements EntityChunkLoader {

		private final Class<?> idType;

		ArrayParameter(int size, EntityMappingType entity, LoadQueryInfluencers influencers) {
			super(size, entity, influencers);
			this.idType = entity.getIdentifierMapping().getJavaType().getJavaTypeClass();
		}

		@Override
		public void load(Object[] ids, @Nullable Boolean readOnly, SharedSessionContractImplementor session) {
			Object[] typedIds = (Object[]) Array.newInstance(this.idType, ids.length);
			System.arraycopy(ids, 0, typedIds, 0, ids.length);
			initializeEntities(typedIds, typedIds[0], null, new LockOptions(), readOnly, session);
		}

	}

	/** Loads with {@code id in (?, ?, ...)}. */
	private static final class InPredicate<T> extends EntityBatchLoaderInPredicate<T> implements EntityChunkLoader {

		InPredicate(int size, EntityMappingType entity, LoadQueryInfluencers influencers) {
			super(size, entity, influencers);
		}

		@Override
		public void load(Object[] ids, @Nullable Boolean readOnly, SharedSessionContractImplementor session) {
			initializeEntities(ids, ids[0], null, new LockOptions(), readOnly, session);
		}

	}

}
