package io.github.bulklazy.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact meter values after known loops. */
class BulkLazyMetricsTests {

	private static final String FACTORY = "ordersEntityManagerFactory";

	@ParameterizedTest
	@EnumSource(value = TestDatabase.class, names = { "H2", "POSTGRESQL" })
	void countsBatchesSavedStatementsBatchSizesAndFallbacks(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(FACTORY, BulkLazySettings.defaults(), plans, Map.of())) {
			MeterRegistry registry = new SimpleMeterRegistry();
			new BulkLazyMetrics(plans).bindTo(registry);
			fixture.run(factory, BulkLazyMetricsTests::readTeachersSchoolsAndCourses);
			assertThat(counter(registry, "bulk.lazy.batches", "Student.school")).isEqualTo(1);
			assertThat(counter(registry, "bulk.lazy.queries.saved", "Student.school")).as("6 schools in 1").isEqualTo(5);
			assertThat(counter(registry, "bulk.lazy.batches", "Student.courses")).isEqualTo(1);
			assertThat(counter(registry, "bulk.lazy.queries.saved", "Student.courses")).isEqualTo(59);
			var batchSize = registry.get("bulk.lazy.batch.size").tag("association", "Student.school").summary();
			assertThat(batchSize.count()).isEqualTo(1);
			assertThat(batchSize.totalAmount()).isEqualTo(6);
			assertThat(registry.get("bulk.lazy.fallbacks")
				.tags("association", "Teacher.school", "reason", "excluded", "entityManagerFactory", "orders")
				.functionCounter()
				.count()).as("@BulkLazy(false): 6 teachers, 6 schools, one at a time").isEqualTo(6);
			assertThat(counter(registry, "bulk.lazy.fallbacks", "Teacher.courses"))
				.as("@BatchSize(2): 3 statements of Hibernate's, each for 2 teachers, none for one key")
				.isEqualTo(0);
			assertThat(registry.find("bulk.lazy.batches").tag("association", "Teacher.school").meters()).isEmpty();
		}
	}

	@Test
	void countsExactlyUnderConcurrentSessions() throws Exception {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(FACTORY, BulkLazySettings.defaults(), plans, Map.of())) {
			MeterRegistry registry = new SimpleMeterRegistry();
			new BulkLazyMetrics(plans).bindTo(registry);
			ExecutorService executor = Executors.newFixedThreadPool(8);
			List<Future<?>> sessions = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				sessions.add(executor.submit(() -> readSchools(factory)));
			}
			for (Future<?> session : sessions) {
				session.get();
			}
			executor.shutdown();
			assertThat(counter(registry, "bulk.lazy.batches", "Student.school")).isEqualTo(200);
			assertThat(counter(registry, "bulk.lazy.queries.saved", "Student.school")).isEqualTo(2000);
			assertThat(registry.get("bulk.lazy.batch.size").tag("association", "Student.school").summary().count())
				.isEqualTo(200);
		}
	}

	@Test
	void prometheusShowsTheCountersWithTotalSuffix() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(FACTORY, BulkLazySettings.defaults(), plans, Map.of())) {
			PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			new BulkLazyMetrics(plans).bindTo(registry);
			fixture.run(factory, BulkLazyMetricsTests::readTeachersSchoolsAndCourses);
			assertThat(registry.scrape()).contains(
					"bulk_lazy_queries_saved_total{association=\"Student.school\",entityManagerFactory=\"orders\"} 5.0",
					"bulk_lazy_batches_total{association=\"Student.courses\",entityManagerFactory=\"orders\"} 1.0",
					"bulk_lazy_fallbacks_total{association=\"Teacher.school\",entityManagerFactory=\"orders\",reason=\"excluded\"} 6.0",
					"bulk_lazy_batch_size_keys_count{association=\"Student.school\",entityManagerFactory=\"orders\"} 1");
		}
	}

	@Test
	void aFactoryBuiltAfterTheBindingGetsItsMetersAndLosesThemWhenItCloses() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		MeterRegistry registry = new SimpleMeterRegistry();
		new BulkLazyMetrics(plans).bindTo(registry);
		assertThat(registry.getMeters()).isEmpty();
		try (EntityManagerFactory factory = fixture.factory(FACTORY, BulkLazySettings.defaults(), plans, Map.of())) {
			fixture.run(factory, BulkLazyMetricsTests::readTeachersSchoolsAndCourses);
			assertThat(counter(registry, "bulk.lazy.batches", "Student.school")).isEqualTo(1);
			assertThat(registry.get("bulk.lazy.batch.size").tag("association", "Student.school").summary().count())
				.isEqualTo(1);
		}
		assertThat(registry.getMeters()).as("the factory closed").isEmpty();
	}

	@Test
	void everyRegistryBoundCountsEveryBatchOnce() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		BulkLazyMetrics metrics = new BulkLazyMetrics(plans);
		MeterRegistry first = new SimpleMeterRegistry();
		MeterRegistry second = new SimpleMeterRegistry();
		metrics.bindTo(first);
		try (EntityManagerFactory factory = fixture.factory(FACTORY, BulkLazySettings.defaults(), plans, Map.of())) {
			metrics.bindTo(second);
			metrics.bindTo(second);
			fixture.run(factory, BulkLazyMetricsTests::readTeachersSchoolsAndCourses);
			for (MeterRegistry registry : List.of(first, second)) {
				var batchSize = registry.get("bulk.lazy.batch.size").tag("association", "Student.school").summary();
				assertThat(batchSize.count()).isEqualTo(1);
				assertThat(batchSize.totalAmount()).isEqualTo(6);
			}
		}
		assertThat(first.getMeters()).isEmpty();
		assertThat(second.getMeters()).isEmpty();
	}

	@Test
	void factoryTagFollowsSpringBootsHibernateMetrics() {
		assertThat(BulkLazyMetrics.factoryName("entityManagerFactory")).isEqualTo("entityManagerFactory");
		assertThat(BulkLazyMetrics.factoryName("ordersEntityManagerFactory")).isEqualTo("orders");
		assertThat(BulkLazyMetrics.factoryName("archive")).isEqualTo("archive");
	}

	/**
	 * Teachers reach schools 2, 4, ..., 12 one at a time; students then reach the 6 other schools in
	 * one statement, and all their courses in another.
	 */
	private static Object readTeachersSchoolsAndCourses(EntityManager entityManager) {
		entityManager.createQuery("from Teacher t order by t.id", Teacher.class).getResultList().forEach((teacher) -> {
			teacher.getSchool().getName();
			teacher.getCourses().size();
		});
		List<Student> students = Fixture.students(entityManager);
		students.forEach((student) -> student.getSchool().getName());
		students.forEach((student) -> student.getCourses().size());
		return null;
	}

	private static void readSchools(EntityManagerFactory factory) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
		}
		finally {
			entityManager.close();
		}
	}

	private static double counter(MeterRegistry registry, String name, String association) {
		return registry.get(name).tag("association", association).functionCounter().count();
	}

}
