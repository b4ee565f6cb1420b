package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.micrometer.BulkLazyMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration for bulk-lazy's Micrometer meters, when a {@link MeterRegistry} is present.
 */
@AutoConfiguration(after = BulkLazyAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, BulkLazyPlans.class })
@Conditional(OnBulkLazyEnabledCondition.class)
public final class BulkLazyMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BulkLazyMetrics bulkLazyMetrics(BulkLazyPlans plans) {
		return new BulkLazyMetrics(plans);
	}

}
