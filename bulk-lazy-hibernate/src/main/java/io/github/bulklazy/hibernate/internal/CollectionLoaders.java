package io.github.bulklazy.hibernate.internal;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.BatchFetchQueue;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SubselectFetch;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.internal.CollectionBatchLoaderInPredicate;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.internal.BaseExecutionContext;
import org.hibernate.sql.exec.internal.JdbcParameterBindingsImpl;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.hibernate.sql.results.internal.ResultsHelper;
import org.hibernate.sql.results.spi.ManagedResultConsumer;
import org.jspecify.annotations.Nullable;

/** The two {@link CollectionChunkLoader}s, built on Hibernate's collection batch loading. */
final class CollectionLoaders {

	private CollectionLoaders() {
	}

	/**
	 * A loader for up to {@code size} keys: one array parameter through the line's array select,
	 * or an IN list of {@code size} placeholders padded with nulls.
	 * @param arraySelect the array select, for a role whose key an array parameter carries, or
	 * {@code null} for IN lists
	 */
	static CollectionChunkLoader create(int size, @Nullable ArraySelect arraySelect, PluralAttributeMapping attribute,
			LoadQueryInfluencers influencers) {
		SessionFactoryImplementor factory = attribute.getCollectionDescriptor().getFactory();
		return (arraySelect != null) ? new ArrayParameter(arraySelect, attribute, influencers, factory)
				: new InPredicate(size, attribute, influencers, factory);
	}

	/** Initializes empty, as Hibernate does after a load, the collections of the chunk the statement found no rows for. */
	private static void initializeEmpty(List<PersistentCollection<?>> chunk, List<Object> keys,
			PluralAttributeMapping attribute, PersistenceContext context) {
		var persister = attribute.getCollectionDescriptor();
		for (int i = 0; i < chunk.size(); i++) {
			PersistentCollection<?> collection = chunk.get(i);
			if (!collection.wasInitialized()) {
				collection.initializeEmptyCollection(persister);
				ResultsHelper.finalizeCollectionLoading(context, persister, collection, keys.get(i), true);
			}
		}
	}

	/**
	 * Loads with {@code key = any (?)}. Hibernate's own array-parameter collection loader collects
	 * the rows of a statement into a list it de-duplicates by a linear scan, which is quadratic in
	 * the rows of a large chunk; this one builds the same select and keeps no result list.
	 */
	private static final class ArrayParameter implements CollectionChunkLoader {

		private final ArraySelect arraySelect;

		private final PluralAttributeMapping attribute;

		private final ArrayKeyParameter keys;

		private final SelectStatement select;

		private final Object translated;

		private final SessionFactoryImplementor factory;

		ArrayParameter(ArraySelect arraySelect, PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				SessionFactoryImplementor factory) {
			this.arraySelect = arraySelect;
			this.attribute = attribute;
			this.factory = factory;
			this.keys = new ArrayKeyParameter(arraySelect, attribute.getKeyDescriptor().getSelectable(0), factory);
			this.select = arraySelect.select(attribute, influencers, this.keys.parameter(), factory);
			this.translated = arraySelect.translate(this.select, factory);
		}

		@Override
		public void load(List<PersistentCollection<?>> chunk, EventSource session) {
			PersistenceContext context = session.getPersistenceContextInternal();
			List<Object> keys = chunk.stream()
				.map((collection) -> context.getCollectionEntry(collection).getLoadedKey())
				.toList();
			JdbcParameterBindingsImpl bindings = this.keys.bind(keys);
			SubselectFetch.RegistrationHandler subselects = SubselectFetch.createRegistrationHandler(
					context.getBatchFetchQueue(), this.select, JdbcParametersList.singleton(this.keys.parameter()),
					bindings);
			ExecutionContext execution = new BaseExecutionContext(session) {

				@Override
				public void registerLoadingEntityHolder(EntityHolder holder) {
					if (subselects != null) {
						subselects.addKey(holder);
					}
				}

				@Override
				public boolean upgradeLocks() {
					return true;
				}

			};
			this.arraySelect.execute(this.translated, bindings, execution, keys.size(), ManagedResultConsumer.INSTANCE,
					this.factory);
			initializeEmpty(chunk, keys, this.attribute, context);
		}

	}

	/**
	 * Loads with {@code key in (?, ?, ...)} through Hibernate's IN-list collection batch loader,
	 * which takes its keys from the session's batch-fetch queue: the chunk is queued just for the
	 * call.
	 */
	private static final class InPredicate implements CollectionChunkLoader {

		private final CollectionBatchLoaderInPredicate loader;

		private final PluralAttributeMapping attribute;

		InPredicate(int size, PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				SessionFactoryImplementor factory) {
			this.loader = new CollectionBatchLoaderInPredicate(size, influencers, attribute, factory);
			this.attribute = attribute;
		}

		@Override
		public void load(List<PersistentCollection<?>> chunk, EventSource session) {
			PersistenceContext context = session.getPersistenceContextInternal();
			BatchFetchQueue queue = context.getBatchFetchQueue();
			List<CollectionEntry> entries = new ArrayList<>(chunk.size());
			for (PersistentCollection<?> collection : chunk) {
				CollectionEntry entry = context.getCollectionEntry(collection);
				queue.addBatchLoadableCollection(collection, entry);
				entries.add(entry);
			}
			try {
				this.loader.load(entries.get(0).getLoadedKey(), session);
			}
			finally {
				entries.forEach(queue::removeBatchLoadableCollection);
			}
			// Hibernate's loader hands a lone key to its single-key loader, which leaves a collection
			// without rows uninitialized; a batch it initializes whole, but it may leave out keys of the
			// chunk (those of its second-level cache), which load when they are read
			initializeEmpty(chunk.subList(0, 1), List.of(entries.get(0).getLoadedKey()), this.attribute, context);
		}

	}

}
