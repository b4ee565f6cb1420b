package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.model.Edition;
import io.github.bulklazy.model.EditionId;
import io.github.bulklazy.model.League;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Team;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
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
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Fixture.students(entityManager).forEach((student) -> observed.value(student.getSchool().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("School 11");
		assertThat(observed.statements()).as("the students, then their schools").containsExactly(2);
		assertThat(fixture.plain(work).statements()).as("the students, then a select per school").containsExactly(12);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void oneToManyLoopKeepsOrderAndEmptyCollections(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from School s order by s.id", School.class)
				.getResultList()
				.forEach((school) -> observed.value(school.getStudents().stream().map(Student::getName).toList()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith(List.of("Student 56", "Student 45", "Student 34", "Student 23",
				"Student 12", "Student 1")).endsWith(List.of());
		assertThat(observed.statements()).as("the schools, then their students").containsExactly(2);
		assertThat(fixture.plain(work).statements()).containsExactly(13);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aLoneEmptyCollectionIsSelectedOnce(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		AssociationStatistics students = fixture.bulkPlan().statistics(fixture.bulkPlan().associations().stream()
			.filter((association) -> association.name().equals("School.students")).findFirst().orElseThrow());
		long saved = students.queriesSaved();
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			observed.value(entityManager.find(School.class, 12L).getStudents().size());
			observed.value(entityManager.find(Edition.class, new EditionId(1L, 1)).getCopies().size());
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly(0, 0);
		assertThat(observed.statements()).as("each owner, then its collection: a simple key, a composite key")
			.containsExactly(4);
		assertThat(fixture.plain(work).statements()).containsExactly(4);
		assertThat(students.queriesSaved()).as("one collection in one statement saves none").isEqualTo(saved);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToManyLoopHonoursSqlRestriction(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Fixture.students(entityManager).forEach((student) -> observed.value(
					student.getCourses().stream().map((course) -> course.getTitle()).toList()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values().get(2)).as("course K is archived").isEqualTo(List.of("Course E", "Course H"));
		assertThat(observed.statements()).as("the students, then their courses").containsExactly(2);
		assertThat(fixture.plain(work).statements()).containsExactly(61);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void elementCollectionLoopKeepsOrderColumn(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Fixture.students(entityManager).forEach((student) -> observed.value(List.copyOf(student.getNicknames())));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith(List.of("nick 1.z"), List.of("nick 2.z", "nick 2.y"), List.of());
		assertThat(observed.statements()).as("the students, then their nicknames").containsExactly(2);
		assertThat(fixture.plain(work).statements()).containsExactly(61);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerCollectionsLoadedAfterAQueryTakeOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from Team t order by t.id", Team.class)
				.getResultList()
				.forEach((team) -> observed.value(team.getMembers().stream().sorted().toList()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly(List.of("member 1.0"), List.of("member 2.0", "member 2.1"),
				List.of(), List.of("member 4.0"), List.of("member 5.0", "member 5.1"));
		assertThat(observed.statements()).as("the teams, then their members").containsExactly(2);
		assertThat(fixture.plain(work).statements()).containsExactly(6);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loadsTriggeredWhileABulkLoadRunsAreBulkLoadedToo(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<League> leagues = entityManager.createQuery("from League l order by l.id", League.class)
				.getResultList();
			observed.skipStatements();
			// the teams' bulk load initializes their EAGER members collections as it finishes
			leagues.forEach((league) -> league.getTeams()
				.forEach((team) -> observed.value(team.getName() + " " + team.getMembers().stream().sorted().toList())));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("Team 1 [member 1.0]", "Team 2 [member 2.0, member 2.1]",
				"Team 2 [member 2.0, member 2.1]", "Team 3 []", "Team 4 [member 4.0]");
		assertThat(observed.statements()).as("the team lists, then the member sets").containsExactly(2);
		assertThat(fixture.plain(work).statements()).as("3 team lists, 4 member sets").containsExactly(7);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void depthThreeGraphTakesOneStatementPerLevel(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Student student : Fixture.students(entityManager)) {
				observed.value(student.getSchool().getDistrict().getName());
				student.getCourses().forEach((course) -> observed.value(course.getTeacher().getName()));
			}
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements())
			.as("the students, their schools, the districts, their courses, the teachers")
			.containsExactly(5);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void proxiesOfARootAndOfASubclassAreTwoPeerGroups(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<PetOwner> owners = entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
				.getResultList();
			observed.skipStatements();
			for (PetOwner owner : owners) {
				observed.value(owner.getPet().getName());
				observed.value((owner.getDog() != null) ? owner.getDog().getName() : null);
			}
			observed.countStatements();
		};
		// Animal proxies 2, 3, 4 in one statement, then the Dog proxy 1 with Dog's loader, as Hibernate
		// would load it (the Dog proxy 3 was loaded with the Animals)
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("Tom", "Rex", "Fido", "Fido", "Kitty", null, "Rex", null);
		assertThat(observed.statements()).containsExactly(2);
		assertThat(fixture.plain(work).statements()).containsExactly(4);
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
			Run<Void> run = fixture.bulk((entityManager) -> {
				Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
				return null;
			});
			assertThat(run.statements()).isEqualTo(2);
			assertThat(othersStudents).noneMatch((student) -> Hibernate.isInitialized(student.getSchool()));
			othersStudents.forEach((student) -> student.getSchool().getName());
			assertThat(othersStudents).allMatch((student) -> Hibernate.isInitialized(student.getSchool()));
		}
		finally {
			other.close();
		}
	}

}
