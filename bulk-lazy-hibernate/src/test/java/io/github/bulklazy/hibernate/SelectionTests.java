package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which associations {@code include}, {@code exclude} and {@link io.github.bulklazy.BulkLazy}
 * select, and what each kind of entry covers.
 */
class SelectionTests {

	/** Reads every student's school, then every school's students; counts each loop. */
	static final BiConsumer<EntityManager, Observed> SCHOOLS_BOTH_WAYS = (entityManager, observed) -> {
		List<Student> students = Fixture.students(entityManager);
		observed.skipStatements();
		students.forEach((student) -> student.getSchool().getName());
		observed.countStatements();
		entityManager.createQuery("from School", School.class).getResultList();
		observed.skipStatements();
		students.forEach((student) -> student.getSchool().getStudents().size());
		observed.countStatements();
	};

	@Test
	void defaultsBulkLoadEverythingButWhatAnnotationsSwitchOff() {
		Map<String, Mode> modes = modes(new BulkLazySettings(List.of(), List.of(), null));
		assertThat(modes).containsEntry("Student.school", Mode.BULK)
			.containsEntry("School.students", Mode.BULK)
			.containsEntry("Teacher.school", Mode.EXCLUDED);
		assertThat(run(BulkLazySettings.defaults(), SCHOOLS_BOTH_WAYS).statements()).containsExactly(1, 1);
	}

	@Test
	void associationEntryCoversOnlyThatAssociation() {
		BulkLazySettings settings = new BulkLazySettings(List.of(), List.of("Student.school"), null);
		assertThat(modes(settings)).containsEntry("Student.school", Mode.EXCLUDED)
			.containsEntry("School.students", Mode.BULK)
			.containsEntry("Student.courses", Mode.BULK);
		assertThat(run(settings, SCHOOLS_BOTH_WAYS).statements()).containsExactly(11, 1);
	}

	@Test
	void entityEntryCoversAssociationsFromAndToTheEntity() {
		BulkLazySettings settings = new BulkLazySettings(List.of(), List.of("School"), null);
		assertThat(modes(settings)).containsEntry("Student.school", Mode.EXCLUDED)
			.containsEntry("School.students", Mode.EXCLUDED)
			.containsEntry("School.district", Mode.EXCLUDED)
			.containsEntry("Student.courses", Mode.BULK)
			.containsEntry("Course.teacher", Mode.BULK);
		assertThat(run(settings, SCHOOLS_BOTH_WAYS).statements()).containsExactly(11, 11);
	}

	@Test
	void nonEmptyIncludeLeavesOutTheRestAndFullyQualifiedNamesWork() {
		BulkLazySettings settings = new BulkLazySettings(List.of(School.class.getName()), List.of(), null);
		assertThat(modes(settings)).containsEntry("Student.school", Mode.BULK)
			.containsEntry("School.students", Mode.BULK)
			.containsEntry("Student.courses", Mode.EXCLUDED)
			.containsEntry("Course.teacher", Mode.EXCLUDED);
		assertThat(run(settings, SCHOOLS_BOTH_WAYS).statements()).containsExactly(1, 1);
	}

	@Test
	void excludeWinsOverInclude() {
		BulkLazySettings settings = new BulkLazySettings(List.of("School"), List.of("Student.school"), null);
		assertThat(modes(settings)).containsEntry("Student.school", Mode.EXCLUDED)
			.containsEntry("School.students", Mode.BULK);
	}

	@Test
	void propertiesOverrideTheAnnotation() {
		assertThat(modes(new BulkLazySettings(List.of("Teacher.school"), List.of(), null)))
			.containsEntry("Teacher.school", Mode.BULK)
			.containsEntry("Student.school", Mode.EXCLUDED);
	}

	@Test
	void toOneEntryMeansProxiesReachedThroughThatAssociation() {
		BulkLazySettings settings = new BulkLazySettings(List.of("Teacher.school"), List.of(), null);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = Fixture.students(entityManager);
			List<Teacher> teachers = entityManager.createQuery("from Teacher t order by t.id", Teacher.class)
				.getResultList();
			observed.skipStatements();
			teachers.get(0).getSchool().getName();
			observed.countStatements();
			observed.value(students.stream().filter((student) -> Hibernate.isInitialized(student.getSchool())).count());
			students.forEach((student) -> student.getSchool().getName());
			observed.countStatements();
		};
		Observed observed = run(settings, work);
		// teachers reach schools 2, 4, ..., 12: 27 students share them; schools 1, 3, ..., 11 remain
		assertThat(observed.values()).as("students whose school the teachers' load initialized").containsExactly(27L);
		assertThat(observed.statements()).as("the teachers' schools, then the students' others one by one")
			.containsExactly(1, 6);
	}

	@Test
	void unknownEntriesAreNamedWithTheClosestKnownNames() {
		BulkLazyPlans plans = new BulkLazyPlans();
		Fixture fixture = Fixture.on(TestDatabase.H2);
		try (EntityManagerFactory factory = fixture.factory(BulkLazySettings.defaults(), plans, Map.of())) {
			plans.checkEntries(new BulkLazySettings(List.of("Student.school", School.class.getName()),
					List.of("Student"), null));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> plans.checkEntries(
						new BulkLazySettings(List.of("Studnet.school"), List.of("Shcool", "Student.name"), null)))
				.withMessageContaining("bulk-lazy.include entry 'Studnet.school' names no entity or association; "
						+ "closest known names: Student.school")
				.withMessageContaining("bulk-lazy.exclude entry 'Shcool' names no entity or association; "
						+ "closest known names: School")
				.withMessageContaining("bulk-lazy.exclude entry 'Student.name'");
		}
	}

	private static Map<String, Mode> modes(BulkLazySettings settings) {
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = Fixture.on(TestDatabase.H2).factory(settings, plans, Map.of())) {
			return plans.all()
				.get(0)
				.associations()
				.stream()
				.collect(java.util.stream.Collectors.toMap(Association::name, Association::mode));
		}
	}

	private static Observed run(BulkLazySettings settings, BiConsumer<EntityManager, Observed> work) {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		try (EntityManagerFactory factory = fixture.factory(settings, Map.of())) {
			return fixture.run(factory, work);
		}
	}

}
