package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.actuate.BulkLazyEndpoint;
import io.github.bulklazy.hibernate.BulkLazyPlans;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration for the {@code bulklazy} Actuator endpoint, when it is available (enabled and
 * exposed).
 */
@AutoConfiguration(after = BulkLazyAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(BulkLazyPlans.class)
@Conditional(OnBulkLazyEnabledCondition.class)
@ConditionalOnAvailableEndpoint(BulkLazyEndpoint.class)
public final class BulkLazyEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BulkLazyEndpoint bulkLazyEndpoint(BulkLazyPlans plans, BulkLazyProperties properties) {
		return new BulkLazyEndpoint(plans, properties.toSettings());
	}

}
