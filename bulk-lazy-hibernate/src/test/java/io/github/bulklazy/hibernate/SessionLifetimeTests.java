package io.github.bulklazy.hibernate;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What bulk-lazy records for a session lives no longer than what the session itself holds:
 * entities detached from it and sessions the application drops unclosed are reclaimed as with
 * plain Hibernate. Measured by the weak references the garbage collector clears.
 */
class SessionLifetimeTests {

	/** Rounds of loading the 60 students and detaching each one. */
	private static final int ROUNDS = 50;

	@Test
	void detachedEntitiesAndTheirCollectionsAreForgotten() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		int plain = detachedStudentsStillReachable(fixture.plainFactory());
		int bulk = detachedStudentsStillReachable(fixture.bulkFactory());
		System.out.printf("detached students still reachable, of %d: plain %d, bulk-lazy %d%n", ROUNDS * 60, plain,
				bulk);
		// the record drops the collections of evicted owners once they are more than 64 and half of
		// it: at most the last round's 60 students (2 lazy collections each) can remain
		assertThat(bulk).isLessThanOrEqualTo(plain + 60);
	}

	@Test
	void sessionsDroppedUnclosedAreReclaimed() {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		int plain = unclosedSessionsStillReachable(fixture.plainFactory());
		int bulk = unclosedSessionsStillReachable(fixture.bulkFactory());
		System.out.printf("unclosed sessions still reachable, of 200: plain %d, bulk-lazy %d%n", plain, bulk);
		assertThat(bulk).isEqualTo(plain).isZero();
	}

	/** Streams the students ROUNDS times through one open session, detaching each without reading it. */
	private static int detachedStudentsStillReachable(EntityManagerFactory factory) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			return stillReachable(detachEveryStudent(entityManager));
		}
		finally {
			entityManager.close();
		}
	}

	private static List<WeakReference<Student>> detachEveryStudent(EntityManager entityManager) {
		List<WeakReference<Student>> detached = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (Student student : Fixture.students(entityManager)) {
				entityManager.detach(student);
				detached.add(new WeakReference<>(student));
			}
		}
		return detached;
	}

	/** Opens 200 sessions that load students with lazy collections, and never closes them. */
	private static int unclosedSessionsStillReachable(EntityManagerFactory factory) {
		List<WeakReference<EntityManager>> sessions = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			sessions.add(new WeakReference<>(useAndDrop(factory)));
		}
		return stillReachable(sessions);
	}

	private static EntityManager useAndDrop(EntityManagerFactory factory) {
		EntityManager entityManager = factory.createEntityManager();
		entityManager.getTransaction().begin();
		Fixture.students(entityManager);
		entityManager.getTransaction().commit();
		return entityManager;
	}

	/** Collects garbage until the count of live referents stops falling, and returns it. */
	private static int stillReachable(List<? extends WeakReference<?>> references) {
		int live = Integer.MAX_VALUE;
		for (int attempt = 0; attempt < 10; attempt++) {
			System.gc();
			int now = (int) references.stream().filter((reference) -> reference.get() != null).count();
			if (now == 0 || now == live) {
				return now;
			}
			live = now;
		}
		return live;
	}

}
