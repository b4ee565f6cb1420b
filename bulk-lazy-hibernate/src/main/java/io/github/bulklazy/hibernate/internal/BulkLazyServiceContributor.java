package io.github.bulklazy.hibernate.internal;

import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.loader.ast.internal.StandardBatchLoaderFactory;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.persister.internal.PersisterClassResolverInitiator;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Gives a service registry whose {@code hibernate.integrator_provider} is bulk-lazy's the
 * {@link EnhancedProxyLoaders} as its batch loader factory, through which bulk-lazy loads
 * bytecode-enhanced proxies, and, unless {@code hibernate.persister.resolver} names another, the
 * {@link EagerToOnePersisters.Resolver}, through which it defers EAGER to-ones; it adds nothing to
 * any other registry. Hibernate finds it through {@link java.util.ServiceLoader}.
 */
public final class BulkLazyServiceContributor implements ServiceContributor {

	@Override
	public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
		if (!namesBulkLazy(serviceRegistryBuilder.getSettings().get(JpaSettings.INTEGRATOR_PROVIDER))) {
			return;
		}
		serviceRegistryBuilder.addInitiator(new StandardServiceInitiator<BatchLoaderFactory>() {

			@Override
			public Class<BatchLoaderFactory> getServiceInitiated() {
				return BatchLoaderFactory.class;
			}

			@Override
			public BatchLoaderFactory initiateService(Map<String, Object> configurationValues,
					ServiceRegistryImplementor registry) {
				return new EnhancedProxyLoaders(new StandardBatchLoaderFactory(configurationValues, registry));
			}

		});
		serviceRegistryBuilder.addInitiator(new StandardServiceInitiator<PersisterClassResolver>() {

			@Override
			public Class<PersisterClassResolver> getServiceInitiated() {
				return PersisterClassResolver.class;
			}

			@Override
			public PersisterClassResolver initiateService(Map<String, Object> configurationValues,
					ServiceRegistryImplementor registry) {
				if (configurationValues.get(PersisterClassResolverInitiator.IMPL_NAME) != null) {
					return PersisterClassResolverInitiator.INSTANCE.initiateService(configurationValues, registry);
				}
				return new EagerToOnePersisters.Resolver();
			}

		});
	}

	/** Whether the {@code hibernate.integrator_provider} setting names a bulk-lazy provider. */
	private static boolean namesBulkLazy(@Nullable Object provider) {
		return provider instanceof BulkLazyIntegratorProvider || provider == BulkLazyIntegratorProvider.class
				|| (provider instanceof String name && name.trim().equals(BulkLazyIntegratorProvider.class.getName()));
	}

}
