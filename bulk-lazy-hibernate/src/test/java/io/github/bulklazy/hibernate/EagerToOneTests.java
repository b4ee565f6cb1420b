package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.Animal;
import io.github.bulklazy.model.Fan;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.jpa.HibernateHints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * EAGER to-ones after a query: Hibernate loads each distinct target with a select of its own;
 * bulk-lazy loads the targets of the whole result in one statement per chunk. The 40 players
 * reach 11 schools through {@code school} and {@code formerSchool} (10 former schools are missing
 * from their table) and 4 mascots, dogs and cats.
 */
class EagerToOneTests {

	/** A missing former school costs one select after the bulk statement, as with Hibernate's batch fetching. */
	private static final int MISSING_FORMER_SCHOOLS = 10;

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void queryLoadsTheEagerToOnesOfItsWholeResultInOneStatementPerTargetEntity(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = players(entityManager);
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).contains("1:School 2/School 2/Cat Tom", "3:School 4/-/Cat Kitty", "7:-/School 8/Cat Kitty",
				"20:School 3/-/-");
		assertThat(trace.get(trace.size() - 1)).as("the query, the schools, the mascots and the missing schools")
			.isEqualTo(3 + MISSING_FORMER_SCHOOLS);
		assertThat(fixture.plain(work).statements()).isEqualTo(1 + 11 + 4 + MISSING_FORMER_SCHOOLS);
		BulkLazyPlan plan = fixture.bulkPlan();
		assertThat(plan.associations())
			.filteredOn((association) -> association.name().startsWith("Player."))
			.extracting(Association::kind, Association::mode)
			.containsOnly(tuple(Kind.EAGER_TO_ONE, Mode.BULK));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerTargetsAreChunked(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 2), Map.of())) {
			var run = fixture.run(factory, EagerToOneTests::players);
			assertThat(run.value()).isEqualTo(fixture.plain(EagerToOneTests::players).value());
			assertThat(run.statements()).as("the query, 21 school keys and 4 mascots by 2, the missing schools")
				.isEqualTo(1 + 11 + 2 + MISSING_FORMER_SCHOOLS);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void excludingOneEagerToOneLeavesEveryEagerToOneToItsTargetToHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(
				new BulkLazySettings(List.of(), List.of("Player.formerSchool"), null), plans, Map.of())) {
			var run = fixture.run(factory, EagerToOneTests::players);
			assertThat(run.value()).isEqualTo(fixture.plain(EagerToOneTests::players).value());
			assertThat(run.statements()).as("the query, 11 schools, the missing schools, the mascots")
				.isEqualTo(1 + 11 + MISSING_FORMER_SCHOOLS + 1);
			assertThat(plans.all().get(0).associations())
				.filteredOn((association) -> association.name().startsWith("Player."))
				.extracting(Association::name, Association::mode, Association::reason)
				.containsExactlyInAnyOrder(
						tuple("Player.formerSchool", Mode.EXCLUDED, Reason.EXCLUDED),
						tuple("Player.school", Mode.FALLBACK, Reason.EAGER_TARGET_SHARED),
						tuple("Player.mascot", Mode.BULK, null));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerAndLazyPeersOfOneEntityShareTheBulkStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			// the students' schools wait as proxies; the players' query then loads schools
			Fixture.students(entityManager).forEach((student) -> trace.add(Hibernate.isInitialized(student.getSchool())));
			trace.add(fixture.statementsSinceMark());
			trace.addAll(players(entityManager));
			Fixture.students(entityManager).forEach((student) -> trace.add(student.getSchool().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).contains(false).doesNotContain(true);
		assertThat(trace.get(trace.size() - 1))
			.as("the query, the waiting and the queued schools, the mascots, the missing schools, the students again")
			.isEqualTo(3 + MISSING_FORMER_SCHOOLS + 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void changesBeforeTheQueryAreFlushedAndSeen(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			Player first = entityManager.find(Player.class, 1L);
			first.setSchool(entityManager.find(School.class, 12L));
			fixture.statementsSinceMark();
			List<Object> trace = players(entityManager);
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).contains("1:School 12/School 2/Cat Tom");
		assertThat(trace.get(trace.size() - 1)).as("the flush, the query, the schools, the mascots, the missing schools")
			.isEqualTo(1 + 1 + 1 + 1 + MISSING_FORMER_SCHOOLS);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void readOnlyQueriesLoadReadOnlyTargets(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Player> players = entityManager.createQuery("from Player p order by p.id", Player.class)
				.setHint(HibernateHints.HINT_READ_ONLY, true)
				.getResultList();
			List<Object> trace = new ArrayList<>();
			players.stream().map(Player::getSchool).filter((school) -> school != null).distinct()
				.forEach((school) -> trace.add(school.getName() + " read-only: "
						+ entityManager.unwrap(Session.class).isReadOnly(school)));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).contains("School 1 read-only: true");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void ownersInTheSecondLevelCacheGetTheirEagerTargetsInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from Fan f order by f.id", Fan.class)
				.getResultList()
				.forEach((fan) -> trace.add(fan.getId() + ":" + fan.getSchool().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).startsWith("1:School 1", "2:School 1", "3:School 2").endsWith(2);
		assertThat(fixture.plain(work).statements()).isEqualTo(1 + 6);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void waitingProxiesOfAnEagerTargetNeverJoinALoadHibernateRuns(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			List<Student> students = Fixture.students(entityManager);
			// schools are batch-loadable for Player's EAGER to-ones: Hibernate's batch loader, run by
			// this find, would have loaded a waiting school with it, read-only
			trace.add(entityManager.find(School.class, 50L, Map.of(HibernateHints.HINT_READ_ONLY, true)));
			trace.add(fixture.statementsSinceMark());
			SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
			var persister = session.getEntityPersister(School.class.getName(), students.get(0).getSchool());
			List<String> loaded = new ArrayList<>();
			for (long id = 1; id <= 12; id++) {
				Object school = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
				if (school != null) {
					loaded.add("School " + id + " read-only: " + session.isReadOnly(school));
				}
			}
			trace.add(loaded);
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).as("no school loaded yet").endsWith(List.of());
	}

	private static List<Object> players(EntityManager entityManager) {
		List<Object> trace = new ArrayList<>();
		for (Player player : entityManager.createQuery("from Player p order by p.id", Player.class).getResultList()) {
			trace.add(player.getId() + ":" + name(player.getSchool()) + "/" + name(player.getFormerSchool()) + "/"
					+ mascot(player.getMascot()));
		}
		return trace;
	}

	private static String name(School school) {
		return (school != null) ? school.getName() : "-";
	}

	private static String mascot(Animal animal) {
		return (animal != null) ? Hibernate.getClass(animal).getSimpleName() + " " + animal.getName() : "-";
	}

}
