package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;

import io.github.bulklazy.hibernate.RemainingNPlusOneLog.Count;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * With {@code scope=query}, a bulk load takes the peers that came from the same query, collection
 * load or bulk load as the one being read; with {@code scope=session}, every peer of the session.
 * Both read what plain Hibernate reads.
 */
class PeerScopeTests {

	private static final BulkLazySettings BY_QUERY = BulkLazySettings.defaults().withScope(PeerScope.QUERY);

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aQueryScopeLoadsThePeersOfTheQueryOnly(TestDatabase database) {
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> first = studentsBetween(entityManager, 1, 5);
			List<Student> second = studentsBetween(entityManager, 6, 10);
			observed.countStatements();
			readSchoolsAndCourses(second, observed);
			readSchoolsAndCourses(first, observed);
		};
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.sameAsPlain(work).statements())
			.as("two queries; the second's schools, then courses; the first's, all loaded already")
			.containsExactly(2, 1, 1, 0, 0);
		assertThat(byQuery(fixture, work).statements())
			.as("two queries; the second's schools, then courses; the first's schools, then courses")
			.containsExactly(2, 1, 1, 1, 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aProxyTwoQueriesReachBelongsToTheLatest(TestDatabase database) {
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> first = studentsBetween(entityManager, 12, 30);
			List<Student> second = studentsBetween(entityManager, 1, 5);
			observed.countStatements();
			observed.value(schoolNames(second));
			observed.countStatements();
			observed.value(schoolNames(first));
			observed.countStatements();
		};
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.sameAsPlain(work).statements()).as("two queries; all 11 schools; none")
			.containsExactly(2, 1, 0);
		assertThat(byQuery(fixture, work).statements())
			.as("two queries; schools 1 to 5, which the second reached last; schools 6 to 11")
			.containsExactly(2, 1, 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void entitiesFoundOneByOneLoadAloneAndSayWhy(TestDatabase database) {
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> found = LongStream.rangeClosed(1, 5)
				.mapToObj((id) -> entityManager.find(Student.class, id))
				.toList();
			observed.countStatements();
			observed.value(schoolNames(found));
			observed.countStatements();
		};
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.sameAsPlain(work).statements()).as("5 finds, then their 5 schools at once")
			.containsExactly(5, 1);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(BY_QUERY, plans, Map.of())) {
			assertThat(fixture.run(factory, work).statements()).as("5 finds, then each school alone")
				.containsExactly(5, 5);
			List<Count> counts = plans.all().get(0).remainingNPlusOne().mostFrequent();
			assertThat(counts).extracting((count) -> count.remaining().reason(), Count::loads)
				.containsExactly(tuple("loaded-alone", 4L));
			assertThat(counts.get(0).remaining().fix()).isEqualTo("no peer from the same query was waiting "
					+ "(bulk-lazy.scope=query): load its owners with one query, or set bulk-lazy.scope=session");
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesMadeTogetherArePeersAndAnEntityStaysInTheQueryThatFirstLoadedIt(TestDatabase database) {
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			observed.value(LongStream.rangeClosed(1, 5)
				.mapToObj((id) -> entityManager.getReference(School.class, id))
				.toList()
				.stream()
				.map(School::getName)
				.toList());
			observed.countStatements();
			List<Student> all = studentsBetween(entityManager, 12, 21);
			List<Student> again = studentsBetween(entityManager, 17, 21);
			observed.countStatements();
			observed.value(schoolNames(again));
			observed.countStatements();
			observed.value(schoolNames(all));
			observed.countStatements();
		};
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.sameAsPlain(work).statements())
			.as("5 references at once; two queries; the schools of both, of the first query")
			.containsExactly(1, 2, 1, 0);
		assertThat(byQuery(fixture, work).statements()).containsExactly(1, 2, 1, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesMadeAfterAQueryAreAScopeOfTheirOwn(TestDatabase database) {
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = studentsBetween(entityManager, 1, 5);
			List<School> references = List.of(entityManager.getReference(School.class, 9L),
					entityManager.getReference(School.class, 10L));
			observed.countStatements();
			observed.value(references.stream().map(School::getName).toList());
			observed.countStatements();
			observed.value(schoolNames(students));
			observed.countStatements();
		};
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.sameAsPlain(work).statements()).as("the query; schools 1 to 5, 9 and 10; none")
			.containsExactly(1, 1, 0);
		assertThat(byQuery(fixture, work).statements()).as("the query; schools 9 and 10; schools 1 to 5")
			.containsExactly(1, 1, 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theStatementsOfOneBulkLoadAreOneScope(TestDatabase database) {
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<School> schools = entityManager.createQuery("from School s order by s.id", School.class)
				.getResultList();
			observed.countStatements();
			observed.value(schools.get(0).getStudents().size());
			observed.countStatements();
			observed.value(schools.stream()
				.flatMap((school) -> school.getStudents().stream())
				.map((student) -> List.copyOf(student.getNicknames()))
				.toList());
			observed.countStatements();
		};
		Fixture fixture = Fixture.on(database);
		BulkLazySettings twoKeys = new BulkLazySettings(List.of(), List.of(), 2);
		try (EntityManagerFactory session = fixture.factory(twoKeys, Map.of());
				EntityManagerFactory query = fixture.factory(twoKeys.withScope(PeerScope.QUERY), Map.of())) {
			List<Object> plain = fixture.plain(work).values();
			for (EntityManagerFactory factory : List.of(session, query)) {
				Observed observed = fixture.run(factory, work);
				assertThat(observed.values()).isEqualTo(plain);
				// in one scope per statement, the nicknames would take 31: 6 + 6 + 6 + 5 + 5 + 3
				assertThat(observed.statements())
					.as("the schools; their students 2 schools at a time; the 60 students' nicknames 2 at a time")
					.containsExactly(1, 6, 30);
			}
		}
	}

	private static Observed byQuery(Fixture fixture, BiConsumer<EntityManager, Observed> work) {
		try (EntityManagerFactory factory = fixture.factory(BY_QUERY, Map.of())) {
			Observed observed = fixture.run(factory, work);
			assertThat(observed.values()).isEqualTo(fixture.plain(work).values());
			return observed;
		}
	}

	private static void readSchoolsAndCourses(List<Student> students, Observed observed) {
		observed.value(schoolNames(students));
		observed.countStatements();
		observed.value(courseTitles(students));
		observed.countStatements();
	}

	private static List<Student> studentsBetween(EntityManager entityManager, long from, long to) {
		return entityManager.createQuery("from Student s where s.id between :from and :to order by s.id", Student.class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList();
	}

	private static List<String> schoolNames(List<Student> students) {
		return students.stream().map((student) -> student.getSchool().getName()).toList();
	}

	private static List<List<String>> courseTitles(List<Student> students) {
		return students.stream()
			.map((student) -> student.getCourses().stream().map(Course::getTitle).toList())
			.toList();
	}

}
