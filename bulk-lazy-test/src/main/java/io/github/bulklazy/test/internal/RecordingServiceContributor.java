package io.github.bulklazy.test.internal;

import java.util.Map;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.connections.internal.ConnectionProviderInitiator;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Makes every Hibernate session factory built while {@code bulk-lazy-test} is on the class path
 * record its statements: the connection provider Hibernate would choose, wrapped. Found by
 * Hibernate through {@code ServiceLoader}; the application's data source stays as it is.
 */
public final class RecordingServiceContributor implements ServiceContributor {

	@Override
	public void contribute(StandardServiceRegistryBuilder builder) {
		builder.addInitiator(new StandardServiceInitiator<ConnectionProvider>() {

			@Override
			public Class<ConnectionProvider> getServiceInitiated() {
				return ConnectionProvider.class;
			}

			@Override
			public @Nullable ConnectionProvider initiateService(Map<String, Object> configurationValues,
					ServiceRegistryImplementor registry) {
				ConnectionProvider provider = ConnectionProviderInitiator.INSTANCE.initiateService(configurationValues,
						registry);
				return (provider != null) ? RecordingJdbc.connectionProvider(provider) : null;
			}

		});
	}

}
