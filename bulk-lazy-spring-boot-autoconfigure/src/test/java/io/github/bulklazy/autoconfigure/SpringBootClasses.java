package io.github.bulklazy.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's classes that the tests start and that live in other packages on Spring Boot 4 and
 * on Spring Boot 3.5, found by name so that one test source serves both lines.
 */
final class SpringBootClasses {

	static final Class<?> HIBERNATE_PROPERTIES_CUSTOMIZER = either(
			"org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer",
			"org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer");

	private SpringBootClasses() {
	}

	/** Boot's data source, Hibernate JPA and transaction auto-configurations. */
	static AutoConfigurations jpa() {
		return AutoConfigurations.of(
				either("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
						"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"),
				either("org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
						"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration"),
				either("org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
						"org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration"));
	}

	/** Boot's metrics auto-configurations with the simple registry. */
	static AutoConfigurations metrics() {
		return AutoConfigurations.of(
				either("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
						"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration"),
				either("org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
						"org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"),
				either("org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
						"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"));
	}

	/** The class of Spring Boot 4's name, or else of Spring Boot 3.5's. */
	private static Class<?> either(String springBoot4, String springBoot35) {
		ClassLoader loader = SpringBootClasses.class.getClassLoader();
		String name = ClassUtils.isPresent(springBoot4, loader) ? springBoot4 : springBoot35;
		return ClassUtils.resolveClassName(name, loader);
	}

}
