package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.hibernate.BulkLazyIntegrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Adds bulk-lazy's integrator to every {@link LocalContainerEntityManagerFactoryBean}, including
 * those an application defines itself for several data sources, before it builds its factory.
 */
final class BulkLazyEntityManagerFactoryPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<BulkLazyIntegrator> integrator;

	BulkLazyEntityManagerFactoryPostProcessor(ObjectProvider<BulkLazyIntegrator> integrator) {
		this.integrator = integrator;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof LocalContainerEntityManagerFactoryBean factoryBean) {
			BulkLazyHibernatePropertiesCustomizer.addIntegrator(factoryBean.getJpaPropertyMap(),
					this.integrator.getObject());
		}
		return bean;
	}

}
