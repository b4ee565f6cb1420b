package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.LockOptions;
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
import org.hibernate.loader.ast.internal.LoaderSelectBuilder;
import org.hibernate.loader.ast.internal.MultiKeyLoadHelper;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.SqlTypedMappingImpl;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.sql.ast.spi.SqlAliasBaseManager;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.internal.BaseExecutionContext;
import org.hibernate.sql.exec.internal.JdbcParameterBindingImpl;
import org.hibernate.sql.exec.internal.JdbcParameterBindingsImpl;
import org.hibernate.sql.exec.internal.SqlTypedMappingJdbcParameter;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcParametersList;
import org.hibernate.sql.exec.spi.JdbcSelect;
import org.hibernate.sql.results.internal.ResultsHelper;
import org.hibernate.sql.results.internal.RowTransformerStandardImpl;
import org.hibernate.sql.results.spi.ManagedResultConsumer;

/**
 * Initializes one chunk of uninitialized collections of one role with the SQL of Hibernate's
 * collection batch loaders, which honours filters, {@code @SQLRestriction}, {@code @OrderBy} and
 * {@code @OrderColumn}. Collections the statement finds no rows for are initialized empty.
 */
interface CollectionChunkLoader {

	void load(List<PersistentCollection<?>> chunk, EventSource session);

	/**
	 * Creates a loader for up to {@code size} keys: one array parameter where the dialect takes
	 * arrays and the key is a single plain column, otherwise an IN list of {@code size}
	 * placeholders padded with nulls.
	 */
	static CollectionChunkLoader create(int size, boolean arrayParameter, PluralAttributeMapping attribute,
			LoadQueryInfluencers influencers, SessionFactoryImplementor factory) {
		var key = attribute.getKeyDescriptor();
		boolean plainKey = !key.isEmbedded() && key.getKeyPart().getSingleJdbcMapping().getValueConverter() == null;
		return (arrayParameter && plainKey) ? new ArrayParameter(attribute, influencers, factory)
				: new InPredicate(size, attribute, influencers, factory);
	}

	/**
	 * Loads with {@code key = any (?)}. Hibernate's own array-parameter collection loader collects
	 * the rows of a statement into a list it de-duplicates by a linear scan, which is quadratic in
	 * the rows of a large chunk; this one builds the same select and keeps no result list.
	 */
	final class ArrayParameter implements CollectionChunkLoader {

		private final PluralAttributeMapping attribute;

		private final JdbcMapping arrayMapping;

		private final JdbcParameter parameter;

		private final SelectStatement select;

		private final JdbcSelect jdbcSelect;

		ArrayParameter(PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				SessionFactoryImplementor factory) {
			this.attribute = attribute;
			var key = attribute.getKeyDescriptor();
			var column = key.getSelectable(0);
			JdbcMapping columnMapping = column.getJdbcMapping();
			this.arrayMapping = MultiKeyLoadHelper.resolveArrayJdbcMapping(columnMapping,
					columnMapping.getJdbcJavaType().getJavaTypeClass(), factory);
			this.parameter = new SqlTypedMappingJdbcParameter(new SqlTypedMappingImpl(column.getLength(),
					column.getArrayLength(), column.getPrecision(), column.getScale(), column.getTemporalPrecision(),
					this.arrayMapping));
			SqlAliasBaseManager aliases = new SqlAliasBaseManager();
			this.select = LoaderSelectBuilder.createSelectBySingleArrayParameter(attribute, key.getKeyPart(),
					influencers, new LockOptions(), this.parameter, aliases, factory);
			var querySpec = this.select.getQueryPart().getFirstQuerySpec();
			attribute.applyAuxiliaryRestrictions(querySpec.getFromClause().getRoots().get(0), querySpec::applyPredicate,
					influencers, aliases);
			this.jdbcSelect = factory.getJdbcServices()
				.getJdbcEnvironment()
				.getSqlAstTranslatorFactory()
				.buildSelectTranslator(factory, this.select)
				.translate(JdbcParameterBindings.NO_BINDINGS, QueryOptions.NONE);
		}

		@Override
		public void load(List<PersistentCollection<?>> chunk, EventSource session) {
			PersistenceContext context = session.getPersistenceContextInternal();
			Object[] keys = new Object[chunk.size()];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = context.getCollectionEntry(chunk.get(i)).getLoadedKey();
			}
			JdbcParameterBindingsImpl bindings = new JdbcParameterBindingsImpl(1);
			bindings.addBinding(this.parameter, new JdbcParameterBindingImpl(this.arrayMapping, keys));
			SubselectFetch.RegistrationHandler subselects = SubselectFetch.createRegistrationHandler(
					context.getBatchFetchQueue(), this.select, JdbcParametersList.singleton(this.parameter), bindings);
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
			session.getJdbcServices()
				.getJdbcSelectExecutor()
				.executeQuery(this.jdbcSelect, bindings, execution, RowTransformerStandardImpl.instance(), null,
						keys.length, ManagedResultConsumer.INSTANCE);
			var persister = this.attribute.getCollectionDescriptor();
			for (int i = 0; i < keys.length; i++) {
				PersistentCollection<?> collection = chunk.get(i);
				if (!collection.wasInitialized()) {
					collection.initializeEmptyCollection(persister);
					ResultsHelper.finalizeCollectionLoading(context, persister, collection, keys[i], true);
				}
			}
		}

	}

	/**
	 * Loads with {@code key in (?, ?, ...)} through Hibernate's IN-list collection batch loader,
	 * which takes its keys from the session's batch-fetch queue: the chunk is queued just for the
	 * call.
	 */
	final class InPredicate implements CollectionChunkLoader {

		private final CollectionBatchLoaderInPredicate loader;

		InPredicate(int size, PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				SessionFactoryImplementor factory) {
			this.loader = new CollectionBatchLoaderInPredicate(size, influencers, attribute, factory);
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
		}

	}

}
