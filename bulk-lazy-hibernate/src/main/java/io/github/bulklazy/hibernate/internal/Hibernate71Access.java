package io.github.bulklazy.hibernate.internal;

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
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.from.TableGroup;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.exec.spi.JdbcSelectExecutor;
import org.hibernate.sql.results.internal.RowTransformerStandardImpl;
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.hibernate.sql.results.spi.RowTransformer;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate 7.1 to 7.3, chosen where the API of 7.4 is missing and the array type is resolved
 * from the key's class: the column's definition heads the parameter type, the select takes no
 * alias generator, restrictions are soft-delete ones, 7.1 translates to a
 * {@code JdbcOperationQuerySelect}, and the array parameter binds an array of the key's type.
 * Called through method handles resolved when it is created.
 */
class Hibernate71Access extends SharedAccess {

	private final MethodHandle arrayMapping;

	private final MethodHandle columnDefinition;

	private final MethodHandle parameterType;

	private final MethodHandle select;

	private final MethodHandle softDeleteRestrictions;

	private final MethodHandle execute;

	Hibernate71Access() throws ReflectiveOperationException {
		this(MethodHandles.publicLookup()
			.findStatic(MultiKeyLoadHelper.class, "resolveArrayJdbcMapping",
					MethodType.methodType(JdbcMapping.class, JdbcMapping.class, Class.class,
							SessionFactoryImplementor.class)));
	}

	/**
	 * @param arrayMapping resolves the array type from the key column's mapping, the class
	 * {@link #arrayMappingClass} gives and the factory
	 */
	Hibernate71Access(MethodHandle arrayMapping) throws ReflectiveOperationException {
		MethodHandles.Lookup lookup = MethodHandles.publicLookup();
		this.arrayMapping = arrayMapping;
		this.columnDefinition = lookup.findVirtual(SelectableMapping.class, "getColumnDefinition",
				MethodType.methodType(String.class));
		this.parameterType = lookup.findConstructor(SqlTypedMappingImpl.class, MethodType.methodType(void.class,
				String.class, Long.class, Integer.class, Integer.class, Integer.class, JdbcMapping.class));
		this.select = lookup.findStatic(LoaderSelectBuilder.class, "createSelectBySingleArrayParameter",
				MethodType.methodType(SelectStatement.class, Loadable.class, ValuedModelPart.class,
						LoadQueryInfluencers.class, LockOptions.class, JdbcParameter.class,
						SessionFactoryImplementor.class));
		this.softDeleteRestrictions = lookup.findVirtual(PluralAttributeMapping.class, "applySoftDeleteRestrictions",
				MethodType.methodType(void.class, TableGroup.class, PluralAttributeMapping.PredicateConsumer.class));
		this.execute = lookup.findVirtual(JdbcSelectExecutor.class, "executeQuery",
				MethodType.methodType(Object.class, translatedSelectType(), JdbcParameterBindings.class,
						ExecutionContext.class, RowTransformer.class, Class.class, int.class, ResultsConsumer.class));
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
	public String line() {
		return "Hibernate 7.1 to 7.3";
	}

	/** The class the array type is resolved from: the key's. */
	Class<?> arrayMappingClass(Class<?> keyType) {
		return keyType;
	}

	@Override
	public JdbcMapping arrayMapping(JdbcMapping columnMapping, Class<?> keyType, SessionFactoryImplementor factory) {
		return (JdbcMapping) invoke(this.arrayMapping, columnMapping, arrayMappingClass(keyType), factory);
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

	/** An array of the key's type: Hibernate 7.1 binds no other. */
	@Override
	public Object[] keyArray(Class<?> keyType, int size) {
		return (Object[]) Array.newInstance(keyType, size);
	}

	private static Object invoke(MethodHandle handle, @Nullable Object... arguments) {
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
