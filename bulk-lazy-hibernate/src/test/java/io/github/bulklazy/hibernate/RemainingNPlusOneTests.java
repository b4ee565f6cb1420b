package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.hibernate.RemainingNPlusOneLog.Count;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.District;
import io.github.bulklazy.model.Guild;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestData;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A remaining N+1 is a lazy association loaded one key at a time more than once in a session:
 * counted by association and call site, logged once per call site, or refused before its
 * statement runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemainingNPlusOneTests {

	private static final BulkLazySettings SCHOOLS_EXCLUDED = new BulkLazySettings(List.of(),
			List.of("Student.school"), null);

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void excludedAssociationReadInALoopIsCountedByCallSiteAndLoggedOnce(TestDatabase database, CapturedOutput output) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(SCHOOLS_EXCLUDED, plans, Map.of())) {
			Run<List<String>> first = fixture.run(factory, RemainingNPlusOneTests::schoolNames);
			Run<List<String>> second = fixture.run(factory, RemainingNPlusOneTests::schoolNames);
			assertThat(first.value()).isEqualTo(fixture.plain(RemainingNPlusOneTests::schoolNames).value());
			assertThat(List.of(first.statements(), second.statements())).as("the students, then each of 11 schools")
				.containsExactly(1 + 11, 1 + 11);
			List<Count> counts = plans.all().get(0).remainingNPlusOne().mostFrequent();
			assertThat(counts).extracting((count) -> count.remaining().association(),
					(count) -> count.remaining().reason(), Count::loads)
				.as("every school after the first of each session").containsExactly(tuple("Student.school", "excluded", 20L));
			RemainingNPlusOne remaining = counts.get(0).remaining();
			assertThat(remaining.callSite()).startsWith(RemainingNPlusOneTests.class.getName() + ".lambda$schoolNames$");
			assertThat(remaining.fix()).isEqualTo("include it: remove it from bulk-lazy.exclude, or the @BulkLazy(false)");
			assertThat(output.getOut().lines().filter((line) -> line.endsWith("bulk-lazy: " + remaining.describe())))
				.hasSize(1);
			assertThat(plans.all().get(0).statistics().get("Student.school").fallbacks()).isEqualTo(22);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void failRefusesTheSecondLoadBeforeItRunsAndLeavesTheSessionUsable(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(
				SCHOOLS_EXCLUDED.withOnRemainingNPlusOne(OnRemainingNPlusOne.FAIL), plans, Map.of())) {
			Run<String> run = fixture.run(factory, (entityManager) -> {
				List<Student> students = Fixture.students(entityManager);
				String firstSchool = students.get(0).getSchool().getName();
				RemainingNPlusOneException refused = null;
				for (Student student : students) {
					try {
						student.getSchool().getName();
					}
					catch (RemainingNPlusOneException ex) {
						refused = ex;
						break;
					}
				}
				assertThat(refused).isNotNull();
				assertThat(refused.getMessage()).isEqualTo("bulk-lazy: " + refused.remaining().describe())
					.contains("Student.school", "(excluded)", "remove it from bulk-lazy.exclude",
							RemainingNPlusOneTests.class.getName() + ".lambda$");
				return firstSchool + ", then " + entityManager.find(Student.class, 2L).getName();
			});
			assertThat(run.value()).isEqualTo("School 1, then Student 2");
			assertThat(run.statements()).as("the students and the first school; the second was refused").isEqualTo(2);
			assertThat(plans.all().get(0).statistics().get("Student.school").fallbacks()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void bulkLoadedAssociationWhoseOwnersArriveOneAtATimeIsLoadedAlone(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(
				BulkLazySettings.defaults().withOnRemainingNPlusOne(OnRemainingNPlusOne.FAIL), plans, Map.of())) {
			Run<String> run = fixture.run(factory, (entityManager) -> {
				String first = entityManager.find(Student.class, 1L).getSchool().getName();
				try {
					entityManager.find(Student.class, 60L).getSchool().getName();
				}
				catch (RemainingNPlusOneException ex) {
					return first + "; " + ex.remaining().reason() + ": " + ex.remaining().fix();
				}
				return first;
			});
			assertThat(run.value()).isEqualTo("School 1; loaded-alone: no peer was waiting: its owners reached the "
					+ "session one at a time, each read before the next; load them with one query, or make the "
					+ "references before reading them");
			assertThat(run.statements()).as("student 1 and its school, then student 60").isEqualTo(3);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void hibernatesBatchesAreCountedApartAndAreNoRemainingNPlusOne(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(
				BulkLazySettings.defaults().withOnRemainingNPlusOne(OnRemainingNPlusOne.FAIL), plans, Map.of())) {
			Run<Integer> run = fixture.run(factory, (entityManager) -> entityManager
				.createQuery("from Guild g order by g.id", Guild.class)
				.getResultList()
				.stream()
				.mapToInt((guild) -> guild.getMembersInBatches().size())
				.sum());
			assertThat(run.statements()).as("the guilds, then their members in batches of 10").isEqualTo(1 + 3);
			assertThat(run.value()).as("15 guilds of 1 member, 15 of 2").isEqualTo(TestData.GUILDS / 2 * 3);
			AssociationStatistics statistics = plans.all().get(0).statistics().get("Guild.membersInBatches");
			assertThat(List.of(statistics.hibernateBatches(), (long) statistics.hibernateBatchSize(),
					statistics.fallbacks())).containsExactly(3L, 10L, 0L);
			assertThat(plans.all().get(0).remainingNPlusOne().mostFrequent()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void subselectFetchesAreHibernatesBatchesToo(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(
				BulkLazySettings.defaults().withOnRemainingNPlusOne(OnRemainingNPlusOne.FAIL), plans, Map.of())) {
			Run<List<Integer>> run = fixture.run(factory, (entityManager) -> List.of(schoolsOfDistricts(entityManager, 1, 2),
					schoolsOfDistricts(entityManager, 3, 4)));
			assertThat(run.value()).as("12 schools in 4 districts").containsExactly(6, 6);
			assertThat(run.statements()).as("each query of districts, then its schools in one subselect").isEqualTo(4);
			AssociationStatistics statistics = plans.all().get(0).statistics().get("District.schools");
			assertThat(List.of(statistics.hibernateBatches(), statistics.fallbacks())).containsExactly(2L, 0L);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loadsAloneWhileARemovalWaitsForTheFlushAreReportedToo(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(BulkLazySettings.defaults(), plans, Map.of())) {
			fixture.run(factory, (entityManager) -> {
				List<Student> students = Fixture.students(entityManager);
				entityManager.remove(entityManager.find(Course.class, 1L));
				return students.stream().limit(3).map((student) -> student.getSchool().getName()).toList();
			});
			assertThat(plans.all().get(0).remainingNPlusOne().mostFrequent())
				.extracting((count) -> count.remaining().reason(), Count::loads)
				.containsExactly(tuple("removal-pending", 2L));
		}
	}

	@Test
	void theHibernateSettingChoosesTheActionAndRejectsUnknownOnes() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factoryWith(new BulkLazyIntegrator(null, plans, null),
				Map.of("bulk_lazy.exclude", "Student.school", "bulk_lazy.on_remaining_n_plus_one", "Fail"))) {
			assertThatExceptionOfType(RemainingNPlusOneException.class)
				.isThrownBy(() -> fixture.run(factory, RemainingNPlusOneTests::schoolNames));
		}
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> fixture.factoryWith(new BulkLazyIntegrator(null, plans, null),
					Map.of("bulk_lazy.on_remaining_n_plus_one", "warn")))
			.withStackTraceContaining("Invalid value for Hibernate setting 'bulk_lazy.on_remaining_n_plus_one': "
					+ "'warn' is not one of ignore, log, fail");
	}

	@Test
	void eachFactorySaysAtStartUpThatItIsActiveAndWhatItLoads(CapturedOutput output) {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory("students", SCHOOLS_EXCLUDED, plans, Map.of())) {
			Map<Association.Mode, Long> modes = plans.all().get(0).associations().stream()
				.collect(java.util.stream.Collectors.groupingBy(Association::mode, java.util.stream.Collectors.counting()));
			assertThat(output.getOut()).containsOnlyOnce("bulk-lazy: active in students on Hibernate "
					+ org.hibernate.Version.getVersionString() + ": bulk-loads " + modes.get(Association.Mode.BULK)
					+ " associations, leaves " + modes.get(Association.Mode.EXCLUDED) + " excluded and " + modes.get(Association.Mode.FALLBACK)
					+ " more to plain Hibernate; chunks of 256 keys, peers of the session");
		}
	}

	private static int schoolsOfDistricts(EntityManager entityManager, long... ids) {
		return entityManager.createQuery("from District d where d.id in :ids", District.class)
			.setParameter("ids", java.util.Arrays.stream(ids).boxed().toList())
			.getResultList()
			.stream()
			.mapToInt((district) -> district.getSchools().size())
			.sum();
	}

	private static List<String> schoolNames(EntityManager entityManager) {
		return Fixture.students(entityManager).stream().map((student) -> student.getSchool().getName()).toList();
	}

}
