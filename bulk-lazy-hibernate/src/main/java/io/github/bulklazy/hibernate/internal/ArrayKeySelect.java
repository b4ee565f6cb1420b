package io.github.bulklazy.hibernate.internal;

import java.util.List;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.sql.exec.internal.BaseExecutionContext;
import org.hibernate.sql.results.spi.ListResultsConsumer;

/**
 * The select of an entity by {@code column = any (?)}, with what Hibernate's entity loaders apply
 * to it ({@code @SQLRestriction}, soft deletes), built and translated when it is created.
 */
final class ArrayKeySelect implements KeySelect {

	private final ArraySelect arraySelect;

	private final ArrayKeyParameter keys;

	private final Object translated;

	private final SessionFactoryImplementor factory;

	ArrayKeySelect(ArraySelect arraySelect, EntityPersister entity, BasicValuedModelPart column) {
		this.arraySelect = arraySelect;
		this.factory = entity.getFactory();
		this.keys = new ArrayKeyParameter(arraySelect, column, this.factory);
		this.translated = arraySelect.translate(arraySelect.select(entity, column,
				new LoadQueryInfluencers(this.factory), this.keys.parameter(), this.factory), this.factory);
	}

	@Override
	public List<Object> load(List<Object> keys, EventSource session) {
		return this.arraySelect.execute(this.translated, this.keys.bind(keys), new BaseExecutionContext(session),
				keys.size(), ListResultsConsumer.instance(ListResultsConsumer.UniqueSemantic.FILTER), this.factory);
	}

}
