package io.github.bulklazy.hibernate.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.loader.ast.internal.MultiKeyLoadHelper;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.BasicType;

/**
 * Hibernate 6.6, chosen where neither the API of 7.4 nor that of 7.1 to 7.3 fits: the API of 7.1
 * to 7.3, but the array type is resolved from the array's class,
 * and the to-ones Hibernate loads with their owner are left to it (see
 * {@link #defersToOnesLoadedWithOwner()}).
 */
final class Hibernate66Access extends Hibernate71Access {

	Hibernate66Access() throws ReflectiveOperationException {
		// (null array type, key mapping, array class, factory)
		super(MethodHandles.insertArguments(MethodHandles.publicLookup()
			.findStatic(MultiKeyLoadHelper.class, "resolveArrayJdbcMapping", MethodType.methodType(JdbcMapping.class,
					BasicType.class, JdbcMapping.class, Class.class, SessionFactoryImplementor.class)),
				0, (Object) null));
	}

	@Override
	public String line() {
		return "Hibernate 6.6";
	}

	@Override
	public boolean defersToOnesLoadedWithOwner() {
		return false;
	}

	@Override
	Class<?> arrayMappingClass(Class<?> keyType) {
		return keyType.arrayType();
	}

}
