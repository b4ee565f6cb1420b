package io.github.bulklazy.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.test.Recording;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.loader.ast.internal.StandardBatchLoaderFactory;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/** bulk-lazy inside Spring Boot's JPA auto-configuration and beside factories an application defines. */
class BulkLazyJpaIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(SpringBootClasses.jpa())
		.withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void bootsEntityManagerFactoryBulkLoads() {
		this.contextRunner.withUserConfiguration(ModelConfiguration.class).run((context) -> {
			assertThat(schoolReadingStatements(context.getBean(EntityManagerFactory.class))).isEqualTo(2);
			assertThat(context.getBean(BulkLazyPlans.class).all()).hasSize(1);
			assertThat(batchLoaderFactory(context.getBean(EntityManagerFactory.class)))
				.as("bulk-lazy's, through which it loads bytecode-enhanced proxies")
				.isEqualTo("io.github.bulklazy.hibernate.internal.EnhancedProxyLoaders");
		});
	}

	@Test
	void eachBulkLoadIsAnObservationInTheApplicationsRegistry() {
		List<String> observations = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observations.add(context.getName() + " " + context.getLowCardinalityKeyValue("association").getValue()
						+ " " + context.getHighCardinalityKeyValue("keys").getValue());
			}

		});
		this.contextRunner.withUserConfiguration(ModelConfiguration.class)
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(schoolReadingStatements(context.getBean(EntityManagerFactory.class))).isEqualTo(2);
				assertThat(observations).containsExactly("bulk.lazy.load Student.school 5");
			});
	}

	@Test
	void disabledLeavesPlainHibernate() {
		this.contextRunner.withUserConfiguration(ModelConfiguration.class)
			.withPropertyValues("bulk-lazy.enabled=false")
			.run((context) -> {
				assertThat(schoolReadingStatements(context.getBean(EntityManagerFactory.class))).isEqualTo(6);
				assertThat(batchLoaderFactory(context.getBean(EntityManagerFactory.class)))
					.isEqualTo(StandardBatchLoaderFactory.class.getName());
			});
	}

	private static String batchLoaderFactory(EntityManagerFactory factory) {
		return factory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(BatchLoaderFactory.class)
			.getClass()
			.getName();
	}

	@Test
	void unknownEntryStopsStartUpNamingIt() {
		this.contextRunner.withUserConfiguration(ModelConfiguration.class)
			.withPropertyValues("bulk-lazy.exclude=Student.scool")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("bulk-lazy.exclude entry 'Student.scool' names no entity or association; "
						+ "closest known names: Student.school"));
	}

	@Test
	void entriesAreCheckedAgainstEveryFactory() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class))
			.withUserConfiguration(TwoFactoriesConfiguration.class)
			.withPropertyValues("bulk-lazy.exclude=Student.courses")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void factoriesTheApplicationDefinesBulkLoad() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class))
			.withUserConfiguration(TwoFactoriesConfiguration.class)
			.run((context) -> {
				Map<String, EntityManagerFactory> factories = context.getBeansOfType(EntityManagerFactory.class);
				assertThat(factories).hasSize(2);
				for (EntityManagerFactory factory : factories.values()) {
					assertThat(schoolReadingStatements(factory)).isEqualTo(2);
				}
				assertThat(context.getBean(BulkLazyPlans.class).all()).extracting(BulkLazyPlan::chunkSize)
					.containsExactly(256, 256);
			});
	}

	/** Seeds 5 schools and 20 students, then reads every student's school; returns the statements. */
	static int schoolReadingStatements(EntityManagerFactory factory) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			for (long id = 1; id <= 5; id++) {
				entityManager.persist(new School(id, "School " + id, null));
			}
			for (long id = 1; id <= 20; id++) {
				entityManager.persist(new Student(id, "Student " + id, entityManager.find(School.class, (id % 5) + 1)));
			}
			entityManager.flush();
			entityManager.clear();
			try (Recording recording = Recording.start()) {
				List<Student> students = entityManager.createQuery("from Student", Student.class).getResultList();
				students.forEach((student) -> student.getSchool().getName());
				return recording.statements().size();
			}
		}
		finally {
			entityManager.getTransaction().rollback();
			entityManager.close();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = Student.class)
	static class ModelConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoFactoriesConfiguration {

		@Bean
		LocalContainerEntityManagerFactoryBean ordersEntityManagerFactory() {
			return factory();
		}

		@Bean
		LocalContainerEntityManagerFactoryBean archiveEntityManagerFactory() {
			return factory();
		}

		private static LocalContainerEntityManagerFactoryBean factory() {
			DataSource dataSource = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(dataSource);
			factory.setPackagesToScan(Student.class.getPackageName());
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			factory.getJpaPropertyMap().put("hibernate.hbm2ddl.auto", "create-drop");
			return factory;
		}

	}

}
