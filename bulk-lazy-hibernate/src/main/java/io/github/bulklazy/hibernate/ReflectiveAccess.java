package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.stream.Stream;

import io.github.bulklazy.hibernate.internal.BulkLazyServiceContributor;
import io.github.bulklazy.hibernate.internal.HibernateAccess;

/**
 * What bulk-lazy reaches by reflection and through service files, for the hints of a native image
 * (the Spring Boot starters register them for Spring AOT).
 */
public final class ReflectiveAccess {

	private ReflectiveAccess() {
	}

	/**
	 * The classes whose public constructors and methods bulk-lazy looks up by name: Hibernate's API
	 * that differs between lines, and the service contributor Hibernate instantiates. Classes of
	 * other Hibernate lines may be missing.
	 */
	public static List<String> classes() {
		return Stream.concat(HibernateAccess.reflectedTypes().stream(),
				Stream.of(BulkLazyServiceContributor.class.getName()))
			.toList();
	}

	/** The service files through which Hibernate finds bulk-lazy, and bulk-lazy its listeners. */
	public static List<String> serviceFiles() {
		return List.of("META-INF/services/org.hibernate.service.spi.ServiceContributor",
				"META-INF/services/" + RemainingNPlusOneListener.class.getName());
	}

}
