package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.model.City;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.model.Ticket;
import io.github.bulklazy.model.TicketStub;
import io.github.bulklazy.model.User;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk loads against the state of the session: flushes, new, removed, initialized and modified
 * objects, the second-level cache, locks, read-only sessions and filters.
 */
class SessionStateTests {

	/**
	 * A proxy loads only with peers as read-only as itself; the others keep waiting for the next
	 * read, which loads them together.
	 */
	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void peersOfAnotherReadOnlyStateKeepWaitingForTheNextLoad(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = Fixture.students(entityManager);
			School first = students.get(0).getSchool();
			entityManager.unwrap(Session.class).setReadOnly(first, true);
			observed.skipStatements();
			observed.value(first.getName());
			observed.countStatements();
			students.forEach((student) -> observed.value(student.getSchool().getName()));
			observed.countStatements();
		};
		Observed bulk = fixture.bulk(work);
		assertThat(bulk.values()).isEqualTo(fixture.plain(work).values());
		assertThat(bulk.statements()).as("the read-only school alone, then the 10 others together").containsExactly(1, 1);
	}

	/**
	 * A peer loaded while a removal waits for the flush could reach the removed entity through an
	 * association loaded with it (stub 1's inverse {@code ticket}), which plain Hibernate, never
	 * loading that peer, does not meet: the flush would fail on it. Until the removal is flushed,
	 * the one being read loads alone; its peers load together after the flush.
	 */
	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void peersWaitWhileARemovalWaitsForTheFlush(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<TicketStub> stubs = List.of(entityManager.getReference(TicketStub.class, 1L),
					entityManager.getReference(TicketStub.class, 2L), entityManager.getReference(TicketStub.class, 3L));
			entityManager.remove(entityManager.find(Ticket.class, 1L));
			observed.skipStatements();
			observed.value(stubs.get(1).getTicket().getId());
			observed.countStatements();
			entityManager.flush();
			observed.skipStatements();
			observed.value(stubs.get(2).getTicket().getId());
			observed.value(stubs.get(0).getTicket());
			observed.countStatements();
		};
		Observed bulk = fixture.bulk(work);
		Observed plain = fixture.plain(work);
		assertThat(bulk.values()).isEqualTo(plain.values()).containsExactly(2L, 3L, null);
		assertThat(bulk.statements()).as("stub 2 alone; after the flush, stubs 3 and 1 together").containsExactly(2, 2);
		assertThat(plain.statements()).containsExactly(2, 3);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void proxiesSurviveAnExplicitFlush(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = Fixture.students(entityManager);
			entityManager.createNativeQuery("update bl_student set name = name where id = 1").executeUpdate();
			entityManager.flush();
			observed.skipStatements();
			students.forEach((student) -> observed.value(student.getSchool().getName()));
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements()).containsExactly(1);
		try (EntityManagerFactory batching = fixture.factory(null,
				Map.of("hibernate.default_batch_fetch_size", 16))) {
			assertThat(fixture.run(batching, work).statements()).as("Hibernate's batch queue is cleared by a flush")
				.containsExactly(11);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsSurviveAnAutoFlushBeforeAQuery(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = Fixture.students(entityManager);
			entityManager.persist(new School(100L, "New school", null));
			entityManager.createQuery("select count(s) from School s", Long.class).getSingleResult();
			observed.skipStatements();
			students.forEach((student) -> observed.value(List.copyOf(student.getNicknames())));
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements()).containsExactly(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsWithQueuedOperationsAreLeftToHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<School> schools = entityManager.createQuery("from School s order by s.id", School.class)
				.getResultList();
			// an element added to an inverse collection without reading it is queued, and a flush
			// before the collection is read discards it
			schools.get(2).getTeachers().add(entityManager.find(Teacher.class, 1L));
			observed.value(Hibernate.isInitialized(schools.get(2).getTeachers()));
			observed.value(schools.get(1).getTeachers().stream().map(Teacher::getName).toList());
			entityManager.flush();
			observed.value(schools.get(2).getTeachers().stream().map(Teacher::getName).toList());
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly(false, List.of("Teacher 1"), List.of());
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void newRemovedAndInitializedObjectsAreLeftAlone(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Student fetched = entityManager
				.createQuery("from Student s left join fetch s.courses where s.id = 4", Student.class)
				.getSingleResult();
			fetched.getCourses().clear();
			List<Student> students = Fixture.students(entityManager);
			Student created = new Student(1000L, "New student", students.get(0).getSchool());
			created.getCourses().add(entityManager.getReference(Course.class, 1L));
			entityManager.persist(created);
			Student removed = students.get(5);
			entityManager.remove(removed);
			entityManager.flush();
			observed.skipStatements();
			observed.value(students.get(0).getCourses().size());
			observed.countStatements();
			observed.value(fetched.getCourses().size());
			observed.value(created.getCourses().size());
			observed.value(Hibernate.isInitialized(removed.getCourses()));
			observed.value(students.stream().filter((student) -> Hibernate.isInitialized(student.getCourses())).count());
		};
		Observed bulk = fixture.bulk(work);
		Observed plain = fixture.plain(work);
		assertThat(bulk.values()).as("every student's courses loaded but the removed one's")
			.containsExactly(3, 0, 1, false, 59L);
		assertThat(plain.values()).as("plain Hibernate loads the first student's courses; student 4's were fetched")
			.containsExactly(3, 0, 1, false, 2L);
		assertThat(bulk.statements()).as("the first student's courses with those of its peers").containsExactly(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void initializedEntitiesAreNotSelectedAgain(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		var statistics = fixture.bulkFactory().unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		fixture.bulk((entityManager) -> {
			entityManager.find(School.class, 1L);
			Fixture.students(entityManager).forEach((student) -> student.getSchool().getName());
			return null;
		});
		assertThat(statistics.getEntityStatistics(School.class.getName()).getLoadCount()).isEqualTo(11);
		assertThat(statistics.getEntityStatistics(Student.class.getName()).getLoadCount()).isEqualTo(60);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void secondLevelCacheHitsAreServedFromTheCache(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from City c order by c.id", City.class)
				.getResultList()
				.forEach((city) -> observed.value(city.getCountry().getName()));
			observed.countStatements();
		};
		for (EntityManagerFactory factory : List.of(fixture.bulkFactory(), fixture.plainFactory())) {
			factory.getCache().evictAll();
		}
		assertThat(fixture.bulk(work).statements()).containsExactly(2);
		assertThat(fixture.bulk(work).statements()).as("countries come from the cache").containsExactly(1);
		fixture.bulkFactory().getCache().evict(io.github.bulklazy.model.Country.class, 2L);
		assertThat(fixture.bulk(work).statements()).as("only country 2 is selected").containsExactly(2);
		assertThat(fixture.sameAsPlain(work).values()).contains("Country 1", "Country 2", "Country 3");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aPessimisticLockLoadsOnlyTheLockedEntity(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = Fixture.students(entityManager);
			observed.skipStatements();
			School locked = entityManager.find(School.class, 2L, LockModeType.PESSIMISTIC_WRITE);
			observed.value(locked.getName());
			observed.countStatements();
			observed.value(students.stream().filter((student) -> Hibernate.isInitialized(student.getSchool())).count());
		};
		Observed observed = fixture.bulk(work);
		assertThat(observed.values()).as("only the students of school 2 see it initialized")
			.containsExactly("School 2", 6L);
		assertThat(observed.statements()).as("school 2 alone, locked").containsExactly(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void readOnlySessionsStayReadOnly(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Session session = entityManager.unwrap(Session.class);
			session.setDefaultReadOnly(true);
			List<Student> students = Fixture.students(entityManager);
			students.forEach((student) -> observed.value(student.getSchool().getName()));
			students.forEach((student) -> observed.value(session.isReadOnly(student.getSchool())));
			students.forEach((student) -> student.getCourses().forEach((course) -> observed.value(session.isReadOnly(course))));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).doesNotContain(false);
		assertThat(observed.statements()).as("the students, their schools, their courses").containsExactly(3);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enabledFiltersAreHonoured(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.unwrap(Session.class).enableFilter("hiddenEmail").setParameter("email", "ed@wood.com");
			entityManager.createQuery("from User u order by u.id", User.class)
				.getResultList()
				.forEach((user) -> observed.value(user.getAddresses().stream().map((address) -> address.getEmail()).toList()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly(List.of("jack@bean.com"),
				List.of("ed@lala.com", "ed@bettyboop.com"), List.of("fred@fred.com"), List.of());
		assertThat(observed.statements()).as("the users, then their addresses").containsExactly(2);
	}

}
