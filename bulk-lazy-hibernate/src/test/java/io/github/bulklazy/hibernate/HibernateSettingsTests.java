package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.enhanced.Pupil;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application without Spring names {@link BulkLazyIntegratorProvider} in
 * {@code hibernate.integrator_provider} and configures bulk-lazy with {@code bulk_lazy.*}
 * Hibernate settings.
 */
class HibernateSettingsTests {

	private static final String PROVIDER = "io.github.bulklazy.hibernate.BulkLazyIntegratorProvider";

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void settingsChooseWhatIsBulkLoadedAndHowManyKeysAStatementCarries(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factoryWith(null, Map.of("hibernate.integrator_provider",
				PROVIDER, "bulk_lazy.exclude", "Student.school, District", "bulk_lazy.chunk_size", "7"))) {
			assertThat(loopOverSchoolsAndNicknames(fixture, factory).statements())
				.as("the query, 11 schools one by one, ceil(60 / 7) chunks of nicknames")
				.isEqualTo(1 + 11 + 9);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theProviderNamedBySettingBulkLoadsEnhancedProxies(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factoryWith(null, Map.of("hibernate.integrator_provider",
				PROVIDER))) {
			Run<Void> run = fixture.run(factory, (entityManager) -> {
				entityManager.createQuery("from Pupil p order by p.id", Pupil.class)
					.getResultList()
					.forEach((pupil) -> Hibernate.initialize(pupil.getFormerAcademy()));
				return null;
			});
			assertThat(run.statements()).as("the query, then academies 1 to 8 in one statement").isEqualTo(2);
		}
	}

	@Test
	void theScopeSettingTakesThePeersOfTheQuery() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		try (EntityManagerFactory factory = fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.scope", "Query"))) {
			Run<List<Integer>> run = fixture.run(factory, (EntityManager entityManager) -> {
				List<Student> first = entityManager.createQuery("from Student s where s.id <= 5", Student.class)
					.getResultList();
				List<Student> second = entityManager.createQuery("from Student s where s.id between 6 and 10", Student.class)
					.getResultList();
				second.forEach((student) -> student.getSchool().getName());
				int afterSecond = fixture.sql().size();
				first.forEach((student) -> student.getSchool().getName());
				return List.of(afterSecond, fixture.sql().size() - afterSecond);
			});
			assertThat(run.value()).as("two queries and the second's schools; then the first's schools")
				.containsExactly(3, 1);
		}
		assertThatException().isThrownBy(() -> fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.scope", "transaction")).close())
			.withStackTraceContaining("Invalid value for Hibernate setting 'bulk_lazy.scope': "
					+ "'transaction' is not one of session, query");
	}

	@Test
	void enabledFalseLeavesHibernateAlone() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		try (EntityManagerFactory factory = fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.enabled", "false"))) {
			assertThat(loopOverSchoolsAndNicknames(fixture, factory).statements())
				.isEqualTo(loopOverSchoolsAndNicknames(fixture, fixture.plainFactory()).statements());
		}
	}

	@Test
	void unknownSettingsAndEntriesStopTheSessionFactory() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		assertThatException().isThrownBy(() -> fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.chunk_sise", "7")).close())
			.withStackTraceContaining("Unknown Hibernate setting 'bulk_lazy.chunk_sise'; the closest valid one is "
					+ "'bulk_lazy.chunk_size'");
		assertThatException().isThrownBy(() -> fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.exclude", "Student.scool")).close())
			.withStackTraceContaining("entry 'Student.scool' names no entity or association");
		assertThatException().isThrownBy(() -> fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.enabled", "yes")).close())
			.withStackTraceContaining("Invalid value 'yes' for Hibernate setting 'bulk_lazy.enabled'");
		assertThatException().isThrownBy(() -> fixture.factoryWith(null,
				Map.of("hibernate.integrator_provider", PROVIDER, "bulk_lazy.chunk_size", "1000000000")).close())
			.withStackTraceContaining("Invalid Hibernate setting 'bulk_lazy.chunk_size': the chunk size must be "
					+ "between 1 and 32767, was 1000000000");
	}

	private static Run<List<Object>> loopOverSchoolsAndNicknames(Fixture fixture, EntityManagerFactory factory) {
		return fixture.run(factory, (EntityManager entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			students.forEach((student) -> student.getSchool().getName());
			students.forEach((student) -> student.getNicknames().size());
			return List.of();
		});
	}

}
