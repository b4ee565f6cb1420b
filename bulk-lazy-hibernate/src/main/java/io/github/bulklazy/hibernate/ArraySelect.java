package io.github.bulklazy.hibernate;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;

import org.hibernate.LockOptions;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.loader.ast.internal.LoaderSelectBuilder;
import org.hibernate.loader.ast.internal.MultiKeyLoadHelper;
import org.hibernate.loader.ast.spi.Loadable;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.SqlTypedMapping;
import org.hibernate.metamodel.mapping.ValuedModelPart;
import org.hibernate.metamodel.mapping.internal.SqlTypedMappingImpl;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.type.BasicType;
import org.jspecify.annotations.Nullable;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAliasBaseGenerator;
import org.hibernate.sql.ast.spi.SqlAliasBaseManager;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcSelect;
import org.hibernate.sql.exec.spi.JdbcSelectExecutor;
import org.hibernate.sql.results.internal.RowTransformerStandardImpl;
import org.hibernate.sql.results.spi.ManagedResultConsumer;
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.hibernate.sql.results.spi.RowTransformer;

/**
 * The calls of the array-parameter selects (of collections, and of entities by a unique column)
 * that differ between Hibernate lines: the
 * parameter's type, the select with its restrictions, and the type of the translated select the
 * executor takes. One
 * implementation per API shape, chosen once when a session factory starts by probing the running
 * Hibernate; nothing here is linked first during a lazy load.
 */
interface ArraySelect {

	/** The type of an array of the key column's values, bound as the one parameter. */
	JdbcMapping arrayMapping(JdbcMapping columnMapping, Class<?> keyType, SessionFactoryImplementor factory);

	/** The typed mapping of the array parameter bound to the key column. */
	SqlTypedMapping parameterType(SelectableMapping column, JdbcMapping arrayMapping);

	/** The select of the collection by {@code key = any (?)}, with the role's restrictions applied. */
	SelectStatement select(PluralAttributeMapping attribute, LoadQueryInfluencers influencers, JdbcParameter parameter,
			SessionFactoryImplementor factory);

	/**
	 * The select of an entity by {@code column = any (?)}, one column of its table, with what
	 * Hibernate's entity loaders apply to it ({@code @SQLRestriction}, soft deletes).
	 */
	SelectStatement select(EntityMappingType entity, BasicValuedModelPart column, LoadQueryInfluencers influencers,
			JdbcParameter parameter, SessionFactoryImplementor factory);

	/**
	 * The select translated for the dialect: a {@code JdbcSelect}, or a
	 * {@code JdbcOperationQuerySelect} on Hibernate 7.1; the call links the same on every line.
	 */
	default Object translate(SelectStatement select, SessionFactoryImplementor factory) {
		SqlAstTranslator<?> translator = factory.getJdbcServices()
			.getJdbcEnvironment()
			.getSqlAstTranslatorFactory()
			.buildSelectTranslator(factory, select);
		return translator.translate(JdbcParameterBindings.NO_BINDINGS, QueryOptions.NONE);
	}

	/**
	 * Runs the translated select, handing each row to Hibernate's initializers.
	 * @param consumer what makes the result of the rows: {@link ManagedResultConsumer} keeps none
	 */
	<T> T execute(Object translated, JdbcParameterBindings bindings, ExecutionContext context, int keys,
			ResultsConsumer<T, Object> consumer, SessionFactoryImplementor factory);

	/** The Hibernate API shape this implementation calls, for the start-up log. */
	String shape();

	/**
	 * An array for a chunk's keys. Binding an {@code Object[]} measured faster on Hibernate 7.4;
	 * Hibernate 7.1 requires an array of the key's type.
	 */
	default Object[] keyArray(Class<?> keyType, int size) {
		return new Object[size];
	}

	/**
	 * The implementation for the running Hibernate.
	 * @throws IllegalStateException naming what is missing when no implementation fits
	 */
	static ArraySelect forRunningHibernate() {
		if (Hibernate74.fits()) {
			return new Hibernate74();
		}
		try {
			return new Hibernate66To73();
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalStateException("no array-parameter select API found: " + ex, ex);
		}
	}

	/** Hibernate 7.4 and later: the API this project is compiled against, called directly. */
	final class Hibernate74 implements ArraySelect {

		static boolean fits() {
			try {
				SqlTypedMappingImpl.class.getConstructor(Long.class, Integer.class, Integer.class, Integer.class,
						Integer.class, JdbcMapping.class);
				SelectableMapping.class.getMethod("getArrayLength");
				MultiKeyLoadHelper.class.getMethod("resolveArrayJdbcMapping", JdbcMapping.class, Class.class,
						SessionFactoryImplementor.class);
				LoaderSelectBuilder.class.getMethod("createSelectBySingleArrayParameter", Loadable.class,
						ValuedModelPart.class, LoadQueryInfluencers.class, LockOptions.class, JdbcParameter.class,
						SqlAliasBaseGenerator.class, SessionFactoryImplementor.class);
				PluralAttributeMapping.class.getMethod("applyAuxiliaryRestrictions", TableGroup.class,
						PluralAttributeMapping.PredicateConsumer.class, LoadQueryInfluencers.class,
						SqlAliasBaseGenerator.class);
				JdbcSelectExecutor.class.getMethod("executeQuery", JdbcSelect.class, JdbcParameterBindings.class,
						ExecutionContext.class, RowTransformer.class, Class.class, int.class, ResultsConsumer.class);
				return true;
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				return false;
			}
		}

		@Override
		public JdbcMapping arrayMapping(JdbcMapping columnMapping, Class<?> keyType,
				SessionFactoryImplementor factory) {
			return MultiKeyLoadHelper.resolveArrayJdbcMapping(columnMapping, keyType, factory);
		}

		@Override
		public SqlTypedMapping parameterType(SelectableMapping column, JdbcMapping arrayMapping) {
			return new SqlTypedMappingImpl(column.getLength(), column.getArrayLength(), column.getPrecision(),
					column.getScale(), column.getTemporalPrecision(), arrayMapping);
		}

		@Override
		public SelectStatement select(PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				JdbcParameter parameter, SessionFactoryImplementor factory) {
			SqlAliasBaseManager aliases = new SqlAliasBaseManager();
			SelectStatement select = LoaderSelectBuilder.createSelectBySingleArrayParameter(attribute,
					attribute.getKeyDescriptor().getKeyPart(), influencers, new LockOptions(), parameter, aliases,
					factory);
			var querySpec = select.getQueryPart().getFirstQuerySpec();
			attribute.applyAuxiliaryRestrictions(querySpec.getFromClause().getRoots().get(0), querySpec::applyPredicate,
					influencers, aliases);
			return select;
		}

		@Override
		public SelectStatement select(EntityMappingType entity, BasicValuedModelPart column,
				LoadQueryInfluencers influencers, JdbcParameter parameter, SessionFactoryImplementor factory) {
			return LoaderSelectBuilder.createSelectBySingleArrayParameter(entity, column, influencers, new LockOptions(),
					parameter, new SqlAliasBaseManager(), factory);
		}

		@Override
		public <T> T execute(Object translated, JdbcParameterBindings bindings, ExecutionContext context, int keys,
				ResultsConsumer<T, Object> consumer, SessionFactoryImplementor factory) {
			return factory.getJdbcServices()
				.getJdbcSelectExecutor()
				.executeQuery((JdbcSelect) translated, bindings, context, RowTransformerStandardImpl.instance(), null,
						keys, consumer);
		}

		@Override
		public String shape() {
			return "Hibernate 7.4";
		}

	}

	/**
	 * Hibernate 6.6 to 7.3: the column's definition heads the parameter type, the select takes no
	 * alias generator, restrictions are soft-delete ones, 6.6 and 7.1 translate to a
	 * {@code JdbcOperationQuerySelect}, and 6.6 resolves the array type from the array's class.
	 * Called through method handles resolved when it is created.
	 */
	final class Hibernate66To73 implements ArraySelect {

		private final boolean hibernate66;

		private final MethodHandle arrayMapping;

		private final MethodHandle columnDefinition;

		private final MethodHandle parameterType;

		private final MethodHandle select;

		private final MethodHandle softDeleteRestrictions;

		private final MethodHandle execute;

		Hibernate66To73() throws ReflectiveOperationException {
			MethodHandles.Lookup lookup = MethodHandles.publicLookup();
			MethodHandle byElementClass = findArrayMapping(lookup, JdbcMapping.class, Class.class,
					SessionFactoryImplementor.class);
			this.hibernate66 = (byElementClass == null);
			if (!this.hibernate66) {
				this.arrayMapping = byElementClass;
			}
			else {
				// (null array type, key mapping, array class, factory)
				this.arrayMapping = MethodHandles.insertArguments(lookup.findStatic(MultiKeyLoadHelper.class,
						"resolveArrayJdbcMapping", MethodType.methodType(JdbcMapping.class, BasicType.class,
								JdbcMapping.class, Class.class, SessionFactoryImplementor.class)), 0, (Object) null);
			}
			this.columnDefinition = lookup.findVirtual(SelectableMapping.class, "getColumnDefinition",
					MethodType.methodType(String.class));
			this.parameterType = lookup.findConstructor(SqlTypedMappingImpl.class, MethodType.methodType(void.class,
					String.class, Long.class, Integer.class, Integer.class, Integer.class, JdbcMapping.class));
			this.select = lookup.findStatic(LoaderSelectBuilder.class, "createSelectBySingleArrayParameter",
					MethodType.methodType(SelectStatement.class, Loadable.class, ValuedModelPart.class,
							LoadQueryInfluencers.class, LockOptions.class, JdbcParameter.class,
							SessionFactoryImplementor.class));
			this.softDeleteRestrictions = lookup.findVirtual(PluralAttributeMapping.class,
					"applySoftDeleteRestrictions", MethodType.methodType(void.class, TableGroup.class,
							PluralAttributeMapping.PredicateConsumer.class));
			this.execute = lookup.findVirtual(JdbcSelectExecutor.class, "executeQuery",
					MethodType.methodType(Object.class, translatedSelectType(), JdbcParameterBindings.class,
							ExecutionContext.class, RowTransformer.class, Class.class, int.class, ResultsConsumer.class));
		}

		private static @Nullable MethodHandle findArrayMapping(MethodHandles.Lookup lookup, Class<?>... parameters)
				throws IllegalAccessException {
			try {
				return lookup.findStatic(MultiKeyLoadHelper.class, "resolveArrayJdbcMapping",
						MethodType.methodType(JdbcMapping.class, parameters));
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

		private static Class<?> translatedSelectType() throws ClassNotFoundException {
			ClassLoader loader = JdbcSelectExecutor.class.getClassLoader();
			try {
				return Class.forName("org.hibernate.sql.exec.spi.JdbcSelect", false, loader);
			}
			catch (ClassNotFoundException ex) {
				return Class.forName("org.hibernate.sql.exec.spi.JdbcOperationQuerySelect", false, loader);
			}
		}

		@Override
		public JdbcMapping arrayMapping(JdbcMapping columnMapping, Class<?> keyType,
				SessionFactoryImplementor factory) {
			return (JdbcMapping) invoke(this.arrayMapping, columnMapping, this.hibernate66 ? keyType.arrayType() : keyType,
					factory);
		}

		@Override
		public SqlTypedMapping parameterType(SelectableMapping column, JdbcMapping arrayMapping) {
			return (SqlTypedMapping) invoke(this.parameterType, invoke(this.columnDefinition, column), column.getLength(),
					column.getPrecision(), column.getScale(), column.getTemporalPrecision(), arrayMapping);
		}

		@Override
		public SelectStatement select(PluralAttributeMapping attribute, LoadQueryInfluencers influencers,
				JdbcParameter parameter, SessionFactoryImplementor factory) {
			SelectStatement select = (SelectStatement) invoke(this.select, attribute,
					attribute.getKeyDescriptor().getKeyPart(), influencers, new LockOptions(), parameter, factory);
			var querySpec = select.getQueryPart().getFirstQuerySpec();
			PluralAttributeMapping.PredicateConsumer predicates = querySpec::applyPredicate;
			invoke(this.softDeleteRestrictions, attribute, querySpec.getFromClause().getRoots().get(0), predicates);
			return select;
		}

		@Override
		public SelectStatement select(EntityMappingType entity, BasicValuedModelPart column,
				LoadQueryInfluencers influencers, JdbcParameter parameter, SessionFactoryImplementor factory) {
			return (SelectStatement) invoke(this.select, entity, column, influencers, new LockOptions(), parameter,
					factory);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T execute(Object translated, JdbcParameterBindings bindings, ExecutionContext context, int keys,
				ResultsConsumer<T, Object> consumer, SessionFactoryImplementor factory) {
			return (T) invoke(this.execute, factory.getJdbcServices().getJdbcSelectExecutor(), translated, bindings,
					context, RowTransformerStandardImpl.instance(), null, keys, consumer);
		}

		@Override
		public String shape() {
			return this.hibernate66 ? "Hibernate 6.6" : "Hibernate 7.1 to 7.3";
		}

		@Override
		public Object[] keyArray(Class<?> keyType, int size) {
			return (Object[]) Array.newInstance(keyType, size);
		}

		private static Object invoke(MethodHandle handle, Object... arguments) {
			try {
				return handle.invokeWithArguments(arguments);
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
