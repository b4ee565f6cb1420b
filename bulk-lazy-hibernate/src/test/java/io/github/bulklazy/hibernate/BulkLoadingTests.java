package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.model.Edition;
import io.github.bulklazy.model.EditionId;
import io.github.bulklazy.model.League;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Team;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What triggers a bulk load, which peers it loads, and how it chunks: statement counts at the
 * JDBC level against plain Hibernate's, with the same values.
 */
class BulkLoadingTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToOneLoopRunsOneStatementForAllSchools(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			Fixture.students(entityManager).forEach((student) -> trace.add(student.getSchool().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).endsWith(2).contains("School 11");
		assertThat(fixture.plain(work).statements()).isEqualTo(12);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void oneToManyLoopKeepsOrderAndEmptyCollections(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from School s order by s.id", School.class)
				.getResultList()
				.forEach((school) -> trace.add(school.getStudents().stream().map(Student::getName).toList()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).endsWith(List.of(), 2);
		assertThat(trace.get(0)).isEqualTo(List.of("Student 56", "Student 45", "Student 34", "Student 23",
				"Student 12", "Student 1"));
		assertThat(fixture.plain(work).statements()).isEqualTo(13);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aLoneEmptyCollectionIsSelectedOnce(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		AssociationStatistics students = fixture.bulkPlan().statistics(fixture.bulkPlan().associations().stream()
			.filter((association) -> association.name().equals("School.students")).findFirst().orElseThrow());
		long saved = students.queriesSaved();
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			trace.add(entityManager.find(School.class, 12L).getStudents().size());
			trace.add(entityManager.find(Edition.class, new EditionId(1L, 1)).getCopies().size());
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).as("each owner, then its collection: a simple key, a composite key")
			.containsExactly(0, 0, 4);
		assertThat(fixture.plain(work).statements()).isEqualTo(4);
		assertThat(students.queriesSaved()).as("one collection in one statement saves none").isEqualTo(saved);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToManyLoopHonoursSqlRestriction(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			Fixture.students(entityManager).forEach((student) -> trace.add(
					student.getCourses().stream().map((course) -> course.getTitle()).toList()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).endsWith(2);
		assertThat(trace.get(2)).as("course K is archived").isEqualTo(List.of("Course E", "Course H"));
		assertThat(fixture.plain(work).statements()).isEqualTo(61);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void elementCollectionLoopKeepsOrderColumn(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			Fixture.students(entityManager).forEach((student) -> trace.add(List.copyOf(student.getNicknames())));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).startsWith(List.of("nick 1.z"), List.of("nick 2.z", "nick 2.y"), List.of()).endsWith(2);
		assertThat(fixture.plain(work).statements()).isEqualTo(61);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerCollectionsLoadedAfterAQueryTakeOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from Team t order by t.id", Team.class)
				.getResultList()
				.forEach((team) -> trace.add(team.getMembers().stream().sorted().toList()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).containsExactly(List.of("member 1.0"),
				List.of("member 2.0", "member 2.1"), List.of(), List.of("member 4.0"),
				List.of("member 5.0", "member 5.1"), 2);
		assertThat(fixture.plain(work).statements()).isEqualTo(6);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loadsTriggeredWhileABulkLoadRunsAreBulkLoadedToo(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<League> leagues = entityManager.createQuery("from League l order by l.id", League.class)
				.getResultList();
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			// the teams' bulk load initializes their EAGER members collections as it finishes
			leagues.forEach((league) -> league.getTeams()
				.forEach((team) -> trace.add(team.getName() + " " + team.getMembers().stream().sorted().toList())));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).containsExactly("Team 1 [member 1.0]", "Team 2 [member 2.0, member 2.1]",
				"Team 2 [member 2.0, member 2.1]", "Team 3 []", "Team 4 [member 4.0]", 2);
		assertThat(fixture.plain(work).value()).as("3 team lists, 4 member sets").endsWith(7);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void depthThreeGraphTakesOneStatementPerLevel(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Student student : Fixture.students(entityManager)) {
				trace.add(student.getSchool().getDistrict().getName());
				student.getCourses().forEach((course) -> trace.add(course.getTeacher().getName()));
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).endsWith(5);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void proxiesOfARootAndOfASubclassAreTwoPeerGroups(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<PetOwner> owners = entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
				.getResultList();
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			for (PetOwner owner : owners) {
				trace.add(owner.getPet().getName());
				trace.add((owner.getDog() != null) ? owner.getDog().getName() : null);
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		// Animal proxies 2, 3, 4 in one statement, then the Dog proxy 1 with Dog's loader, as Hibernate
		// would load it (the Dog proxy 3 was loaded with the Animals)
		assertThat(fixture.sameAsPlain(work)).containsExactly("Tom", "Rex", "Fido", "Fido", "Kitty", null, "Rex", null, 2);
		assertThat(fixture.plain(work).value()).endsWith(4);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void chunksNeverCarryMoreKeysThanTheChunkSize(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 3), Map.of())) {
			Run<List<String>> run = fixture.run(factory, (entityManager) -> {
				Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
				return fixture.sql();
			});
			assertThat(run.statements()).as("1 query + ceil(11 / 3) chunks").isEqualTo(5);
			for (String sql : run.sql().subList(1, 5)) {
				long placeholders = sql.chars().filter((c) -> c == '?').count();
				assertThat(placeholders).as(sql).isBetween(1L, 4L);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void inListsArePaddedToAtMostTwiceTheKeys(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Run<List<String>> run = fixture.bulk((entityManager) -> {
			Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
			return fixture.sql();
		});
		long placeholders = run.sql().get(1).chars().filter((c) -> c == '?').count();
		if (database == TestDatabase.POSTGRESQL) {
			assertThat(placeholders).as("one array parameter").isEqualTo(1);
		}
		else {
			assertThat(placeholders).as("11 keys padded to 16").isEqualTo(16);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void peersOfOtherSessionsAreNeverLoaded(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		EntityManager other = fixture.bulkFactory().createEntityManager();
		try {
			List<Student> othersStudents = Fixture.students(other);
			Run<Integer> run = fixture.bulk((entityManager) -> {
				Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
				return fixture.statementsSinceMark();
			});
			assertThat(run.value()).isEqualTo(2);
			assertThat(othersStudents).noneMatch((student) -> Hibernate.isInitialized(student.getSchool()));
			othersStudents.forEach((student) -> student.getSchool().getName());
			assertThat(othersStudents).allMatch((student) -> Hibernate.isInitialized(student.getSchool()));
		}
		finally {
			other.close();
		}
	}

}
