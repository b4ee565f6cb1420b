package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLoadObserver;
import io.github.bulklazy.micrometer.BulkLoadObservations;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Auto-configuration for bulk lazy loading: hands bulk-lazy's Hibernate integrator to Boot's
 * entity manager factory and to those the application defines itself. Off when
 * {@code bulk-lazy.enabled} is {@code false}; invalid {@code bulk-lazy.*} configuration fails the
 * binding of {@link BulkLazyProperties} or the {@link BulkLazyConfigurationCheck}. Compiled for
 * Spring Boot 4 and for Spring Boot 3.5, so ordered by the names of both lines' classes.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ SessionFactoryImplementor.class, LocalContainerEntityManagerFactoryBean.class,
		EntityManagerFactory.class })
@Conditional(OnBulkLazyEnabledCondition.class)
@EnableConfigurationProperties(BulkLazyProperties.class)
public final class BulkLazyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BulkLazyPlans bulkLazyPlans() {
		return new BulkLazyPlans();
	}

	@Bean
	@ConditionalOnMissingBean
	BulkLazyIntegrator bulkLazyIntegrator(BulkLazyProperties properties, BulkLazyPlans plans,
			ObjectProvider<BulkLoadObserver> observer) {
		return new BulkLazyIntegrator(properties.toSettings(), plans, "entityManagerFactory")
			.observedBy(observer.getIfAvailable(() -> BulkLoadObserver.NONE));
	}

	/** Static, as a bean post-processor must be, so that it does not create the configuration early. */
	@Bean
	static BeanPostProcessor bulkLazyEntityManagerFactoryPostProcessor(ObjectProvider<BulkLazyIntegrator> integrator) {
		return new BulkLazyEntityManagerFactoryPostProcessor(integrator);
	}

	/**
	 * Each bulk load as a Micrometer observation, {@code bulk.lazy.load}, in the application's
	 * {@link ObservationRegistry}: a span per bulk load when tracing is on.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	static class BulkLoadObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BulkLoadObserver bulkLoadObservations(ObjectProvider<ObservationRegistry> registry) {
			return new BulkLoadObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
		}

	}

	@Bean
	BulkLazyConfigurationCheck bulkLazyConfigurationCheck(Environment environment, BulkLazyProperties properties,
			BulkLazyPlans plans, ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		return new BulkLazyConfigurationCheck(environment, properties, plans, entityManagerFactories);
	}

}
