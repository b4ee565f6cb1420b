package io.github.bulklazy.hibernate.internal;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.SqlTypedMapping;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;
import org.hibernate.sql.results.spi.ManagedResultConsumer;
import org.hibernate.sql.results.spi.ResultsConsumer;

/**
 * The calls of the array-parameter selects (of collections, and of entities by a unique column)
 * that differ between Hibernate lines: the parameter's type, the select with its restrictions,
 * and the type of the translated select the executor takes. Each line's {@link HibernateAccess}
 * implements them.
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

	/**
	 * An array for a chunk's keys. Binding an {@code Object[]} measured faster on Hibernate 7.4;
	 * Hibernate 7.1 requires an array of the key's type.
	 */
	default Object[] keyArray(Class<?> keyType, int size) {
		return new Object[size];
	}

}
