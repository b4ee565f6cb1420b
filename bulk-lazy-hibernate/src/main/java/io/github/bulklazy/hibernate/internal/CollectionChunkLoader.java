package io.github.bulklazy.hibernate.internal;

import java.util.List;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.event.spi.EventSource;

/**
 * Initializes one chunk of uninitialized collections of one role with the SQL of Hibernate's
 * collection batch loaders, which honours filters, {@code @SQLRestriction}, {@code @OrderBy} and
 * {@code @OrderColumn}. Collections the statement finds no rows for are initialized empty.
 */
public interface CollectionChunkLoader {

	/** Initializes the collections, at most the loader's size. */
	void load(List<PersistentCollection<?>> chunk, EventSource session);

}
