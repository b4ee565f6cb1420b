package io.github.bulklazy.autoconfigure;

import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Adds bulk-lazy's integrator to every {@link LocalContainerEntityManagerFactoryBean}, including
 * those an application defines itself for several data sources, before it builds its factory.
 * Each factory's plan is published under the factory's bean name.
 */
final class BulkLazyEntityManagerFactoryPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<BulkLazyIntegrator> integrator;

	BulkLazyEntityManagerFactoryPostProcessor(ObjectProvider<BulkLazyIntegrator> integrator) {
		this.integrator = integrator;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof LocalContainerEntityManagerFactoryBean factoryBean) {
			Map<String, Object> properties = factoryBean.getJpaPropertyMap();
			properties.put(JpaSettings.INTEGRATOR_PROVIDER, BulkLazyIntegratorProvider.replacing(
					properties.get(JpaSettings.INTEGRATOR_PROVIDER), this.integrator.getObject().named(beanName)));
		}
		return bean;
	}

}
