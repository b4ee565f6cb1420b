package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.bulklazy.hibernate.RemainingNPlusOneLog.Count;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Code switches bulk loading off for a session or a block: reads then load one at a time as in
 * plain Hibernate, with the same values, and the peers recorded meanwhile load in bulk once it is
 * back on.
 */
class BulkLoadingSwitchTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void switchedOffForTheSessionLoadsOneAtATimeAndSaysWhy(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(BulkLazySettings.defaults(), plans, Map.of())) {
			Run<List<Object>> run = fixture.run(factory, (entityManager) -> {
				BulkLoading.switchOff(entityManager);
				List<Object> read = new ArrayList<>(List.of(BulkLoading.isOn(entityManager)));
				read.add(schoolNames(entityManager));
				BulkLoading.switchOn(entityManager);
				read.add(BulkLoading.isOn(entityManager));
				read.add(Fixture.students(entityManager).stream().mapToInt((student) -> student.getCourses().size()).sum());
				return read;
			});
			// 162 enrollments of the students in courses not archived
			assertThat(run.value()).isEqualTo(List.of(false, fixture.plain(BulkLoadingSwitchTests::schoolNames).value(),
					true, 162));
			assertThat(run.statements()).as("the students and each of 11 schools; the students and all their courses")
				.isEqualTo(1 + 11 + 1 + 1);
			assertThat(plans.all().get(0).remainingNPlusOne().mostFrequent())
				.extracting((count) -> count.remaining().reason(), Count::loads)
				.containsExactly(tuple("switched-off", 10L));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aBlockSwitchesItOffThenBackToWhatItWas(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Run<List<Object>> run = fixture.bulk((entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			List<Object> read = new ArrayList<>();
			try (BulkLoading.Off off = BulkLoading.off(entityManager)) {
				read.add(students.get(0).getSchool().getName());
				try (BulkLoading.Off nested = BulkLoading.off(entityManager)) {
					read.add(students.get(1).getSchool().getName());
				}
				read.add(BulkLoading.isOn(entityManager));
			}
			read.add(BulkLoading.isOn(entityManager));
			read.add(schoolNamesOf(students).size());
			return read;
		});
		assertThat(run.value()).containsExactly("School 1", "School 2", false, true, 60);
		assertThat(run.statements()).as("the students, schools 1 and 2 alone, then the other 9 at once")
			.isEqualTo(1 + 2 + 1);
	}

	@Test
	void aFactoryWithoutBulkLazyIsLeftAsItIs() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		Run<List<Object>> run = fixture.plain((entityManager) -> {
			try (BulkLoading.Off off = BulkLoading.off(entityManager)) {
				BulkLoading.switchOn(entityManager);
				return List.of(BulkLoading.isOn(entityManager), schoolNames(entityManager).size());
			}
		});
		assertThat(run.value()).containsExactly(false, 60);
	}

	private static List<String> schoolNames(EntityManager entityManager) {
		return schoolNamesOf(Fixture.students(entityManager));
	}

	private static List<String> schoolNamesOf(List<Student> students) {
		return students.stream().map((student) -> student.getSchool().getName()).toList();
	}

}
