package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.hibernate.BulkLazyPlans;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Stops start-up when {@code bulk-lazy.include} or {@code bulk-lazy.exclude} names an entity or
 * association that no entity manager factory of the application maps.
 */
final class BulkLazyEntryCheck implements SmartInitializingSingleton {

	private final BulkLazyProperties properties;

	private final BulkLazyPlans plans;

	private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

	BulkLazyEntryCheck(BulkLazyProperties properties, BulkLazyPlans plans,
			ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		this.properties = properties;
		this.plans = plans;
		this.entityManagerFactories = entityManagerFactories;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.properties.getInclude().isEmpty() && this.properties.getExclude().isEmpty()) {
			return;
		}
		// Waits for factories bootstrapped in the background
		this.entityManagerFactories.forEach(EntityManagerFactory::getMetamodel);
		try {
			this.plans.checkEntries(this.properties.toSettings());
		}
		catch (IllegalArgumentException ex) {
			throw new BulkLazyConfigurationException(String.valueOf(ex.getMessage()),
					"Correct or remove these entries of bulk-lazy.include or bulk-lazy.exclude: each must name a "
							+ "mapped entity ('Student', 'com.acme.Student') or association ('Student.school').",
					ex);
		}
	}

}
