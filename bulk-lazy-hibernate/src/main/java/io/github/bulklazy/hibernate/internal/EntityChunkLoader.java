package io.github.bulklazy.hibernate.internal;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Loads one chunk of entity ids with the SQL of Hibernate's own batch loaders, which honours
 * filters, {@code @SQLRestriction}, read-only sessions and attaches the rows to existing proxies.
 * Unlike those loaders it takes the ids it is given instead of reading Hibernate's batch-fetch
 * queue, which a flush clears.
 */
public interface EntityChunkLoader {

	/**
	 * Loads the entities with the given ids into the session.
	 * @param ids at most the loader's size, without nulls
	 * @param readOnly the read-only mode of the triggering load, {@code null} for the session's
	 * @param session the session
	 */
	void load(Object[] ids, @Nullable Boolean readOnly, SharedSessionContractImplementor session);

}
