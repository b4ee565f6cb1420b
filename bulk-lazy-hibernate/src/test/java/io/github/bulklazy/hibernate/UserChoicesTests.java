package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.District;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Associations the user tuned by hand keep Hibernate's behaviour, and mappings bulk-lazy cannot
 * load fall back to plain Hibernate with one INFO line each at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserChoicesTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void batchSizeKeepsHibernatesBatches(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from Teacher t order by t.id", Teacher.class)
				.getResultList()
				.forEach((teacher) -> observed.value(teacher.getCourses().stream().map((course) -> course.getTitle()).sorted().toList()));
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements()).as("6 teachers in batches of 2").containsExactly(4);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void subselectFetchingKeepsItsSubselect(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from District d order by d.id", District.class)
				.getResultList()
				.forEach((district) -> observed.value(district.getSchools().stream().map((school) -> school.getName()).sorted().toList()));
			observed.countStatements();
			observed.value(fixture.sql().get(1).toLowerCase().contains("in (select"));
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).as("the schools' statement is a subselect").endsWith(true);
		assertThat(observed.statements()).as("the districts, then every district's schools").containsExactly(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void fetchJoinsAndEntityGraphsAreLeftAsTheyAre(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from Student s join fetch s.school order by s.id", Student.class)
				.getResultList()
				.forEach((student) -> observed.value(student.getSchool().getName()));
			observed.countStatements();
			EntityGraph<Student> graph = entityManager.createEntityGraph(Student.class);
			graph.addAttributeNodes("courses");
			entityManager.clear();
			entityManager.createQuery("from Student s order by s.id", Student.class)
				.setHint("jakarta.persistence.fetchgraph", graph)
				.getResultList()
				.forEach((student) -> observed.value(student.getCourses().size()));
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements())
			.as("the students fetching their schools, then with their courses")
			.containsExactly(1, 1);
	}

	@Test
	void fallbacksAreLoggedOnceEachWithTheirReason(CapturedOutput output) {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(BulkLazySettings.defaults(), plans, Map.of())) {
			List<String> fallbacks = plans.all().get(0).associations().stream()
				.filter((association) -> association.mode() == Mode.FALLBACK)
				.map((association) -> association.name() + ": " + association.reason().description())
				.toList();
			List<String> expected = new ArrayList<>(List.of(
					"District.schools: @Fetch(SUBSELECT): Hibernate's subselect fetching stays in charge",
					"Teacher.courses: @BatchSize: Hibernate's batch fetching stays in charge",
					"Guild.membersInBatches: @BatchSize: Hibernate's batch fetching stays in charge",
					"Ticket.seat: " + Reason.ASSOCIATION_IN_TARGET_ID.description(),
					"Player.mascot: " + Reason.LAZILY_REACHED_HIERARCHY.description(),
					"Member.membership.pet: " + Reason.EAGER.description(),
					"Campus.mainCampus: " + Reason.OWNER_ACCESS.description(),
					"Campus: " + Reason.ENHANCED_EAGER_TARGET.description(),
					"Room: " + Reason.ENHANCED_EAGER_TARGET.description(),
					"District.visits: @BatchSize: Hibernate's batch fetching stays in charge",
					"Shelter.owners: " + Reason.MIXED_PROXY_TYPES.description(),
					"District.visits.district: " + Reason.ELEMENTS_LEFT_TO_HIBERNATE.description()));
			if (!Fixture.DEFERS) {
				List.of("Player.school", "Player.formerSchool", "Player.course", "UserInfo.user", "PetOwner.schoolByCode",
						"Badge.photo", "Citation.edition", "Citation.shelf", "Ticket.school", "TicketStub.ticket",
						"Wallet.card")
					.forEach((name) -> expected.add(name + ": " + Reason.HIBERNATE_6.description()));
			}
			assertThat(fallbacks).containsExactlyInAnyOrderElementsOf(expected);
			for (String fallback : fallbacks) {
				String subject = fallback.substring(0, fallback.indexOf(':'));
				String line = "bulk-lazy: " + (subject.contains(".") ? "" : "every getReference proxy of ")
						+ fallback.replaceFirst(": ", " is loaded by plain Hibernate: ");
				assertThat(output.getOut().split("\n")).filteredOn((logged) -> logged.endsWith(line)).hasSize(1);
			}
		}
	}

	@Test
	void globalBatchFetchSizeKeepsHibernateInCharge() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(BulkLazySettings.defaults(), plans,
				Map.of("hibernate.default_batch_fetch_size", 4))) {
			assertThat(plans.all().get(0).associations()).filteredOn((association) -> association.mode() == Mode.BULK)
				.isEmpty();
			var run = fixture.run(factory, (entityManager) -> {
				Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
				return null;
			});
			assertThat(run.statements()).as("11 schools in batches of 4").isEqualTo(4);
		}
	}

}
