package io.github.bulklazy.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.bulklazy.actuate.BulkLazyEndpoint;
import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The conditions of {@link BulkLazyAutoConfiguration}. */
class BulkLazyAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class));

	@Test
	void registersTheIntegratorForBootsFactoryAndApplicationFactories() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BulkLazyIntegrator.class)
			.hasSingleBean(BulkLazyPlans.class)
			.hasSingleBean(HibernatePropertiesCustomizer.class)
			.hasSingleBean(BulkLazyEntityManagerFactoryPostProcessor.class));
	}

	@Test
	void registersNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("bulk-lazy.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyIntegrator.class)
				.doesNotHaveBean(BulkLazyPlans.class)
				.doesNotHaveBean(HibernatePropertiesCustomizer.class)
				.doesNotHaveBean(BulkLazyEntityManagerFactoryPostProcessor.class)
				.doesNotHaveBean(BulkLazyProperties.class));
	}

	@Test
	void registersNothingWithoutHibernate() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SessionFactoryImplementor.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyIntegrator.class)
				.doesNotHaveBean(BulkLazyProperties.class));
	}

	@Test
	void reachesApplicationFactoriesWithoutBootsHibernateModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HibernatePropertiesCustomizer.class))
			.run((context) -> assertThat(context).hasSingleBean(BulkLazyIntegrator.class)
				.hasSingleBean(BulkLazyEntityManagerFactoryPostProcessor.class)
				.doesNotHaveBean(HibernatePropertiesCustomizer.class));
	}

	@Test
	void endpointOnlyWhenExposed() {
		ApplicationContextRunner runner = this.contextRunner
			.withConfiguration(AutoConfigurations.of(BulkLazyEndpointAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyEndpoint.class));
		runner.withPropertyValues("management.endpoints.web.exposure.include=bulklazy")
			.run((context) -> assertThat(context).hasSingleBean(BulkLazyEndpoint.class));
		runner.withPropertyValues("management.endpoints.web.exposure.include=bulklazy", "bulk-lazy.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyEndpoint.class));
	}

	@Test
	void bindsTheProperties() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
			.withPropertyValues("bulk-lazy.include=Student,School.students", "bulk-lazy.exclude=Course",
					"bulk-lazy.chunk-size=100")
			.run((context) -> {
				BulkLazyProperties properties = context.getBean(BulkLazyProperties.class);
				assertThat(properties.getInclude()).containsExactly("Student", "School.students");
				assertThat(properties.getExclude()).containsExactly("Course");
				assertThat(properties.toSettings().chunkSize()).isEqualTo(100);
			});
	}

	@Test
	void keepsAnIntegratorProviderTheApplicationSet() {
		Integrator applicationIntegrator = new Integrator() {
		};
		IntegratorProvider applicationProvider = () -> List.of(applicationIntegrator);
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>(Map.of(JpaSettings.INTEGRATOR_PROVIDER, applicationProvider));
			context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
			IntegratorProvider provider = (IntegratorProvider) properties.get(JpaSettings.INTEGRATOR_PROVIDER);
			assertThat(provider).isInstanceOf(BulkLazyIntegratorProvider.class);
			assertThat(provider.getIntegrators()).containsExactly(applicationIntegrator,
					context.getBean(BulkLazyIntegrator.class));
			context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties.get(JpaSettings.INTEGRATOR_PROVIDER)).as("added once").isSameAs(provider);
		});
	}

	@EnableConfigurationProperties(BulkLazyProperties.class)
	static class PropertiesConfiguration {

	}

}
