package io.github.bulklazy.hibernate.internal;

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
import org.hibernate.sql.results.spi.ResultsConsumer;
import org.hibernate.sql.results.spi.RowTransformer;

/** Hibernate 7.4 and later: the API this project is compiled against, called directly. */
final class Hibernate74Access extends SharedAccess {

	/** Whether the running Hibernate has the API this implementation calls. */
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
	public String line() {
		return "Hibernate 7.4";
	}

	@Override
	public JdbcMapping arrayMapping(JdbcMapping columnMapping, Class<?> keyType, SessionFactoryImplementor factory) {
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
				attribute.getKeyDescriptor().getKeyPart(), influencers, new LockOptions(), parameter, aliases, factory);
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
			.executeQuery((JdbcSelect) translated, bindings, context, RowTransformerStandardImpl.instance(), null, keys,
					consumer);
	}

}
