package io.github.bulklazy.hibernate.internal;

import java.util.List;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.exec.internal.JdbcParameterBindingImpl;
import org.hibernate.sql.exec.internal.JdbcParameterBindingsImpl;
import org.hibernate.sql.exec.internal.SqlTypedMappingJdbcParameter;

/** The one parameter of a select by {@code column = any (?)}: typed once, bound to each chunk's keys. */
final class ArrayKeyParameter {

	private final ArraySelect arraySelect;

	private final Class<?> keyType;

	private final JdbcMapping arrayMapping;

	private final JdbcParameter parameter;

	ArrayKeyParameter(ArraySelect arraySelect, SelectableMapping column, SessionFactoryImplementor factory) {
		this.arraySelect = arraySelect;
		JdbcMapping columnMapping = column.getJdbcMapping();
		this.keyType = columnMapping.getJdbcJavaType().getJavaTypeClass();
		this.arrayMapping = arraySelect.arrayMapping(columnMapping, this.keyType, factory);
		this.parameter = new SqlTypedMappingJdbcParameter(arraySelect.parameterType(column, this.arrayMapping));
	}

	JdbcParameter parameter() {
		return this.parameter;
	}

	/** The keys bound as one array of the column's type. */
	JdbcParameterBindingsImpl bind(List<?> keys) {
		Object[] array = this.arraySelect.keyArray(this.keyType, keys.size());
		for (int i = 0; i < array.length; i++) {
			array[i] = keys.get(i);
		}
		JdbcParameterBindingsImpl bindings = new JdbcParameterBindingsImpl(1);
		bindings.addBinding(this.parameter, new JdbcParameterBindingImpl(this.arrayMapping, array));
		return bindings;
	}

}
