package io.github.bulklazy.autoconfigure;

import io.github.bulklazy.autoconfigure.BulkLazyJpaIntegrationTests.ModelConfiguration;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.micrometer.BulkLazyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The conditions of {@link BulkLazyMetricsAutoConfiguration}. */
class BulkLazyMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(SpringBootClasses.jpa())
		.withConfiguration(SpringBootClasses.metrics())
		.withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class,
				BulkLazyMetricsAutoConfiguration.class))
		.withUserConfiguration(ModelConfiguration.class)
		.withPropertyValues("spring.datasource.generate-unique-name=true", "spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void metersCountTheLoadsOfBootsFactory() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BulkLazyMetrics.class);
			BulkLazyJpaIntegrationTests.schoolReadingStatements(context.getBean(EntityManagerFactory.class));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("bulk.lazy.queries.saved")
				.tags("association", "Student.school", "entityManagerFactory", "entityManagerFactory")
				.functionCounter()
				.count()).isEqualTo(4);
			assertThat(registry.get("bulk.lazy.batches").tag("association", "Student.school").functionCounter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void metersCanBeSwitchedOffLikeAnyOther() {
		this.contextRunner.withPropertyValues("management.metrics.enable.bulk.lazy=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("bulk.lazy.batches").meters())
				.isEmpty());
	}

	@Test
	void applicationMetricsReplaceBulkLazys() {
		BulkLazyMetrics applicationMetrics = new BulkLazyMetrics(new BulkLazyPlans());
		this.contextRunner.withBean("applicationMetrics", BulkLazyMetrics.class, () -> applicationMetrics)
			.run((context) -> assertThat(context).getBean(BulkLazyMetrics.class).isSameAs(applicationMetrics));
	}

	@Test
	void noMetersWhenDisabledEvenWithPlansOfTheApplication() {
		this.contextRunner.withBean("applicationPlans", BulkLazyPlans.class, BulkLazyPlans::new)
			.withPropertyValues("bulk-lazy.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkLazyMetrics.class));
	}

	@Test
	void noMetersWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class,
					BulkLazyMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkLazyMetrics.class));
	}

	@Test
	void noMetersWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class,
					BulkLazyMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyMetrics.class));
	}

}
