package io.github.bulklazy.autoconfigure;

import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Adds bulk-lazy's integrator to the Hibernate properties of Boot's own entity manager factory,
 * keeping any integrator provider already set.
 */
final class BulkLazyHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

	private final BulkLazyIntegrator integrator;

	BulkLazyHibernatePropertiesCustomizer(BulkLazyIntegrator integrator) {
		this.integrator = integrator;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, BulkLazyIntegratorProvider
			.including(hibernateProperties.get(JpaSettings.INTEGRATOR_PROVIDER), this.integrator));
	}

}
