package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.model.City;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.model.Ticket;
import io.github.bulklazy.model.TicketStub;
import io.github.bulklazy.model.User;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
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
	 * A peer loaded while a removal waits for the flush could reach the removed entity through an
	 * association loaded with it (stub 1's inverse {@code ticket}), which plain Hibernate, never
	 * loading that peer, does not meet: the flush would fail on it. Until the removal is flushed,
	 * the one being read loads alone; its peers load together after the flush.
	 */
	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void peersWaitWhileARemovalWaitsForTheFlush(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, Observed> work = (entityManager) -> {
			List<TicketStub> stubs = List.of(entityManager.getReference(TicketStub.class, 1L),
					entityManager.getReference(TicketStub.class, 2L), entityManager.getReference(TicketStub.class, 3L));
			entityManager.remove(entityManager.find(Ticket.class, 1L));
			fixture.statementsSinceMark();
			Observed observed = new Observed(new ArrayList<>(), new ArrayList<>());
			observed.values().add(stubs.get(1).getTicket().getId());
			observed.statements().add(fixture.statementsSinceMark());
			entityManager.flush();
			fixture.statementsSinceMark();
			observed.values().add(stubs.get(2).getTicket().getId());
			observed.values().add(stubs.get(0).getTicket());
			observed.statements().add(fixture.statementsSinceMark());
			return observed;
		};
		Observed bulk = fixture.bulk(work).value();
		Observed plain = fixture.plain(work).value();
		assertThat(bulk.values()).isEqualTo(plain.values()).containsExactly(2L, 3L, null);
		assertThat(bulk.statements()).as("stub 2 alone; after the flush, stubs 3 and 1 together").containsExactly(2, 2);
		assertThat(plain.statements()).containsExactly(2, 3);
	}

	/** What a work read, and the statements each of its steps ran. */
	private record Observed(List<Object> values, List<Integer> statements) {
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void proxiesSurviveAnExplicitFlush(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			entityManager.createNativeQuery("update bl_student set name = name where id = 1").executeUpdate();
			entityManager.flush();
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			students.forEach((student) -> trace.add(student.getSchool().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).endsWith(1);
		try (EntityManagerFactory batching = fixture.factory(null,
				Map.of("hibernate.default_batch_fetch_size", 16))) {
			assertThat(fixture.run(batching, work).value()).as("Hibernate's batch queue is cleared by a flush")
				.endsWith(11);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsSurviveAnAutoFlushBeforeAQuery(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			entityManager.persist(new School(100L, "New school", null));
			entityManager.createQuery("select count(s) from School s", Long.class).getSingleResult();
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			students.forEach((student) -> trace.add(List.copyOf(student.getNicknames())));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).endsWith(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsWithQueuedOperationsAreLeftToHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<School> schools = entityManager.createQuery("from School s order by s.id", School.class)
				.getResultList();
			// an element added to an inverse collection without reading it is queued, and a flush
			// before the collection is read discards it
			schools.get(2).getTeachers().add(entityManager.find(Teacher.class, 1L));
			List<Object> trace = new ArrayList<>();
			trace.add(Hibernate.isInitialized(schools.get(2).getTeachers()));
			trace.add(schools.get(1).getTeachers().stream().map(Teacher::getName).toList());
			entityManager.flush();
			trace.add(schools.get(2).getTeachers().stream().map(Teacher::getName).toList());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).containsExactly(false, List.of("Teacher 1"), List.of());
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void newRemovedAndInitializedObjectsAreLeftAlone(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
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
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			trace.add(students.get(0).getCourses().size());
			trace.add(fixture.statementsSinceMark());
			trace.add(fetched.getCourses().size());
			trace.add(created.getCourses().size());
			trace.add(Hibernate.isInitialized(removed.getCourses()));
			trace.add((int) students.stream().filter((student) -> Hibernate.isInitialized(student.getCourses())).count());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).containsExactly(3, 1, 0, 1, false, 59);
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
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from City c order by c.id", City.class)
				.getResultList()
				.forEach((city) -> trace.add(city.getCountry().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		for (EntityManagerFactory factory : List.of(fixture.bulkFactory(), fixture.plainFactory())) {
			factory.getCache().evictAll();
		}
		assertThat(fixture.bulk(work).value()).endsWith(2);
		assertThat(fixture.bulk(work).value()).as("countries come from the cache").endsWith(1);
		fixture.bulkFactory().getCache().evict(io.github.bulklazy.model.Country.class, 2L);
		assertThat(fixture.bulk(work).value()).as("only country 2 is selected").endsWith(2);
		assertThat(fixture.sameAsPlain(work)).contains("Country 1", "Country 2", "Country 3");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aPessimisticLockLoadsOnlyTheLockedEntity(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Run<List<Object>> run = fixture.bulk((entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			fixture.statementsSinceMark();
			School locked = entityManager.find(School.class, 2L, LockModeType.PESSIMISTIC_WRITE);
			List<Object> trace = new ArrayList<>();
			trace.add(locked.getName());
			trace.add(fixture.statementsSinceMark());
			trace.add(students.stream().filter((student) -> Hibernate.isInitialized(student.getSchool())).count());
			return trace;
		});
		assertThat(run.value()).as("only the students of school 2 see it initialized")
			.containsExactly("School 2", 1, 6L);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void readOnlySessionsStayReadOnly(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			Session session = entityManager.unwrap(Session.class);
			session.setDefaultReadOnly(true);
			List<Student> students = Fixture.students(entityManager);
			List<Object> trace = new ArrayList<>();
			students.forEach((student) -> trace.add(student.getSchool().getName()));
			students.forEach((student) -> trace.add(session.isReadOnly(student.getSchool())));
			students.forEach((student) -> student.getCourses().forEach((course) -> trace.add(session.isReadOnly(course))));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).endsWith(3).doesNotContain(false);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enabledFiltersAreHonoured(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			entityManager.unwrap(Session.class).enableFilter("hiddenEmail").setParameter("email", "ed@wood.com");
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from User u order by u.id", User.class)
				.getResultList()
				.forEach((user) -> trace.add(user.getAddresses().stream().map((address) -> address.getEmail()).toList()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).containsExactly(List.of("jack@bean.com"),
				List.of("ed@lala.com", "ed@bettyboop.com"), List.of("fred@fred.com"), List.of(), 2);
	}

}
