package io.github.bulklazy.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.actuate.BulkLazyEndpoint;
import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.hibernate.OnRemainingNPlusOne;
import io.github.bulklazy.hibernate.PeerScope;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/** The conditions of {@link BulkLazyAutoConfiguration}. */
class BulkLazyAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class));

	@Test
	void registersTheIntegratorForEveryFactoryThroughOnePath() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BulkLazyIntegrator.class)
			.hasSingleBean(BulkLazyPlans.class)
			.hasSingleBean(BulkLazyEntityManagerFactoryPostProcessor.class)
			.doesNotHaveBean(SpringBootClasses.HIBERNATE_PROPERTIES_CUSTOMIZER));
	}

	@Test
	void registersNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("bulk-lazy.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyIntegrator.class)
				.doesNotHaveBean(BulkLazyPlans.class)
				.doesNotHaveBean(BulkLazyEntityManagerFactoryPostProcessor.class)
				.doesNotHaveBean(BulkLazyProperties.class));
	}

	@Test
	void enabledIsTrueOrFalseInAnyCase() {
		this.contextRunner.withPropertyValues("bulk-lazy.enabled= TRUE ")
			.run((context) -> assertThat(context).hasSingleBean(BulkLazyIntegrator.class));
		this.contextRunner.withPropertyValues("bulk-lazy.enabled=False")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkLazyIntegrator.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "on", "yes", "1", "0" })
	void otherFormsSpringBindsToABooleanStopStartUp(String value) {
		this.contextRunner.withPropertyValues("bulk-lazy.enabled=" + value)
			.run((context) -> assertThat(configurationFailure(context).getDescription())
				.isEqualTo("Invalid value '" + value + "' for property 'bulk-lazy.enabled'."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "maybe", "" })
	void enabledThatIsNoBooleanFailsTheBinding(String value) {
		this.contextRunner.withPropertyValues("bulk-lazy.enabled=" + value)
			.run((context) -> assertThat(failure(context, BindException.class).getMessage())
				.isEqualTo("Failed to bind properties under 'bulk-lazy.enabled' to boolean"));
	}

	@Test
	void unknownKeyStopsStartUpNamingTheClosestValidOne() {
		this.contextRunner.withPropertyValues("bulk-lazy.exlude=Course").run((context) -> {
			BulkLazyConfigurationException failure = configurationFailure(context);
			assertThat(failure.getDescription()).contains("'bulk-lazy.exlude'")
				.contains("the closest valid property is 'bulk-lazy.exclude'");
			assertThat(failure.getAction()).contains("bulk-lazy.exclude");
		});
		this.contextRunner.withPropertyValues("bulk-lazy.chunk-sise=10")
			.run((context) -> assertThat(configurationFailure(context).getDescription())
				.contains("'bulk-lazy.chunk-sise'")
				.contains("'bulk-lazy.chunk-size'"));
	}

	@Test
	void disabledChecksNothing() {
		this.contextRunner.withPropertyValues("bulk-lazy.enabled=false", "bulk-lazy.chunk-sise=10")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkLazyConfigurationCheck.class));
	}

	@Test
	void unknownEnvironmentVariableStopsStartUp() {
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME
					+ "-test", Map.of("BULK_LAZY_INCLUDES", "Student"))))
			.run((context) -> assertThat(configurationFailure(context).getDescription()).contains("'BULK_LAZY_INCLUDES'")
				.contains("'bulk-lazy.include'"));
	}

	@Test
	void unknownKeysStopStartUpInEveryFormSpringBootBinds() {
		for (String property : List.of("bulkLazy.exlude=Course", "bulk_lazy.exlude=Course", "BULK-LAZY.exlude=Course")) {
			this.contextRunner.withPropertyValues(property)
				.run((context) -> assertThat(configurationFailure(context).getDescription())
					.contains("'" + property.substring(0, property.indexOf('=')) + "'")
					.contains("the closest valid property is 'bulk-lazy.exclude'"));
		}
		// a near miss: Spring Boot binds BULK_LAZY_CHUNK_SIZE, not this
		for (String variable : List.of("BULK_LAZY_EXLUDE", "bulk_lazy_exclude_x", "BULK_LAZY_CHUNKSIZE")) {
			this.contextRunner.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, "10"))))
				.run((context) -> assertThat(configurationFailure(context).getDescription())
					.contains("'" + variable + "'"));
		}
	}

	@Test
	void acceptsRelaxedFormsOfTheKeys() {
		this.contextRunner
			.withPropertyValues("bulk-lazy.chunkSize=10", "bulk-lazy.chunk_size=10", "bulk-lazy.CHUNK-SIZE=10",
					"bulkLazy.chunkSize=10", "BulkLazy.chunk-size=10", "bulk_lazy.chunk_size=10", "bulklazy.unrelated=true")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("BULK_LAZY_CHUNK_SIZE", "10", "bulk_lazy_enabled", "TRUE", "BULK_LAZY_ON_REMAINING_N_PLUS_ONE",
								"log", "BULKLAZY_JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"))))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(BulkLazyIntegrator.class));
		// the keys pass: what stops start-up is the check of the entries, which name nothing without a model
		this.contextRunner.withPropertyValues("bulk-lazy.include[0]=Student", "bulk-lazy.exclude[0]=Course")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("BULK_LAZY_INCLUDE_0", "Student", "BULK_LAZY_EXCLUDE_0", "Course"))))
			.run((context) -> assertThat(configurationFailure(context).getDescription())
				.startsWith("bulk-lazy.include entry 'Student' names no entity or association"));
	}

	@Test
	void unknownEntryStopsStartUp() {
		this.contextRunner.withPropertyValues("bulk-lazy.exclude=Nothing")
			.run((context) -> assertThat(configurationFailure(context).getDescription())
				.contains("bulk-lazy.exclude entry 'Nothing' names no entity or association"));
	}

	@Test
	void chunkSizeOutOfRangeFailsTheBinding() {
		for (String size : List.of("0", "1000000000")) {
			this.contextRunner.withPropertyValues("bulk-lazy.chunk-size=" + size)
				.run((context) -> assertThat(failure(context, BindValidationException.class).getValidationErrors()
					.getAllErrors()).singleElement()
					.extracting(ObjectError::getDefaultMessage)
					.isEqualTo("the chunk size must be between 1 and 32767, was " + size
							+ "; remove it to use the dialect's default"));
		}
	}

	@Test
	void onRemainingNPlusOneTakesTheActionsOnly() {
		this.contextRunner.withPropertyValues("bulk-lazy.on-remaining-n-plus-one=FAIL")
			.run((context) -> assertThat(context.getBean(BulkLazyProperties.class).getOnRemainingNPlusOne())
				.isEqualTo(OnRemainingNPlusOne.FAIL));
		this.contextRunner.withPropertyValues("bulk-lazy.on-remaining-n-plus-one=")
			.run((context) -> assertThat(context.getBean(BulkLazyProperties.class).getOnRemainingNPlusOne())
				.as("an empty value leaves the default").isEqualTo(OnRemainingNPlusOne.LOG));
		this.contextRunner.withPropertyValues("bulk-lazy.on-remaining-n-plus-one=warn")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("No enum constant")
				.hasMessageContaining("OnRemainingNPlusOne.warn"));
	}

	@Test
	void scopeTakesSessionOrQuery() {
		this.contextRunner.withPropertyValues("bulk-lazy.scope=query")
			.run((context) -> assertThat(context.getBean(BulkLazyProperties.class).getScope()).isEqualTo(PeerScope.QUERY));
		this.contextRunner.withPropertyValues("bulk-lazy.scope=")
			.run((context) -> assertThat(context.getBean(BulkLazyProperties.class).getScope())
				.as("an empty value leaves the default").isEqualTo(PeerScope.SESSION));
		this.contextRunner.withPropertyValues("bulk-lazy.scope=transaction")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("No enum constant")
				.hasMessageContaining("PeerScope.transaction"));
	}

	@Test
	void applicationPlansAndIntegratorReplaceBulkLazys() {
		this.contextRunner.withUserConfiguration(ApplicationIntegratorConfiguration.class)
			.run((context) -> assertThat(context).getBean(BulkLazyIntegrator.class)
				.isSameAs(context.getBean(ApplicationIntegratorConfiguration.class).integrator));
	}

	@Test
	void applicationEndpointReplacesBulkLazys() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BulkLazyEndpointAutoConfiguration.class))
			.withUserConfiguration(ApplicationEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=bulklazy")
			.run((context) -> assertThat(context).getBean(BulkLazyEndpoint.class)
				.isSameAs(context.getBean(ApplicationEndpointConfiguration.class).endpoint));
	}

	@Test
	void registersNothingWithoutHibernate() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SessionFactoryImplementor.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BulkLazyIntegrator.class)
				.doesNotHaveBean(BulkLazyProperties.class));
	}

	@Test
	void reachesApplicationFactoriesWithoutBootsHibernateModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SpringBootClasses.HIBERNATE_PROPERTIES_CUSTOMIZER))
			.run((context) -> assertThat(context).hasSingleBean(BulkLazyIntegrator.class)
				.hasSingleBean(BulkLazyEntityManagerFactoryPostProcessor.class));
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
		runner.withBean("applicationPlans", BulkLazyPlans.class, BulkLazyPlans::new)
			.withPropertyValues("management.endpoints.web.exposure.include=bulklazy", "bulk-lazy.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BulkLazyEndpoint.class));
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

			@Override
			public void disintegrate(SessionFactoryImplementor sessionFactory,
					SessionFactoryServiceRegistry serviceRegistry) {
			}

		};
		IntegratorProvider applicationProvider = () -> List.of(applicationIntegrator);
		this.contextRunner.run((context) -> {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.getJpaPropertyMap().put(JpaSettings.INTEGRATOR_PROVIDER, applicationProvider);
			BulkLazyEntityManagerFactoryPostProcessor postProcessor = context
				.getBean(BulkLazyEntityManagerFactoryPostProcessor.class);
			for (int i = 0; i < 2; i++) {
				postProcessor.postProcessBeforeInitialization(factory, "ordersEntityManagerFactory");
			}
			IntegratorProvider provider = (IntegratorProvider) factory.getJpaPropertyMap()
				.get(JpaSettings.INTEGRATOR_PROVIDER);
			assertThat(provider).isInstanceOf(BulkLazyIntegratorProvider.class);
			assertThat(provider.getIntegrators()).as("the application's, then bulk-lazy's once")
				.hasSize(2)
				.startsWith(applicationIntegrator)
				.last()
				.isInstanceOf(BulkLazyIntegrator.class);
		});
	}

	@Test
	void replacesBulkLazysProviderNamedByItsClass() {
		for (Object named : List.of(BulkLazyIntegratorProvider.class, BulkLazyIntegratorProvider.class.getName())) {
			this.contextRunner.run((context) -> {
				LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
				factory.getJpaPropertyMap().put(JpaSettings.INTEGRATOR_PROVIDER, named);
				context.getBean(BulkLazyEntityManagerFactoryPostProcessor.class)
					.postProcessBeforeInitialization(factory, "entityManagerFactory");
				IntegratorProvider provider = (IntegratorProvider) factory.getJpaPropertyMap()
					.get(JpaSettings.INTEGRATOR_PROVIDER);
				assertThat(provider.getIntegrators()).as("bulk-lazy's integrator once")
					.singleElement()
					.isInstanceOf(BulkLazyIntegrator.class);
			});
		}
	}

	static BulkLazyConfigurationException configurationFailure(AssertableApplicationContext context) {
		return failure(context, BulkLazyConfigurationException.class);
	}

	/** The failure of the given type among the causes of the context's start-up failure. */
	static <T extends Throwable> T failure(AssertableApplicationContext context, Class<T> type) {
		assertThat(context).hasFailed();
		for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
			if (type.isInstance(failure)) {
				return type.cast(failure);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + context.getStartupFailure(),
				context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationIntegratorConfiguration {

		final BulkLazyPlans plans = new BulkLazyPlans();

		final BulkLazyIntegrator integrator = new BulkLazyIntegrator(BulkLazySettings.defaults(), this.plans, "orders");

		@Bean
		BulkLazyPlans applicationPlans() {
			return this.plans;
		}

		@Bean
		BulkLazyIntegrator applicationIntegrator() {
			return this.integrator;
		}

	}

	@EnableConfigurationProperties(BulkLazyProperties.class)
	static class PropertiesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationEndpointConfiguration {

		final BulkLazyEndpoint endpoint = new BulkLazyEndpoint(new BulkLazyPlans(), BulkLazySettings.defaults());

		@Bean
		BulkLazyEndpoint applicationEndpoint() {
			return this.endpoint;
		}

	}

}
