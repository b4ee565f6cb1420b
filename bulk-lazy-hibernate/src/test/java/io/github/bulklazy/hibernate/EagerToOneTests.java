package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.Animal;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.School;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.persister.internal.StandardPersisterClassResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * EAGER to-ones that a query does not fetch-join: Hibernate loads each distinct target with a
 * select of its own after the query, bulk-lazy the targets of the whole result in one statement
 * per chunk. The 40 players reach 11 schools through {@code school} (9 of them) and
 * {@code formerSchool} (10 former schools are missing from their table, which
 * {@code @NotFound(IGNORE)} reads as {@code null}), 4 mascots, typed to the {@code Animal}
 * hierarchy that lazy to-ones also reach, which stay with Hibernate, and 10 courses, of which
 * {@code @SQLRestriction} hides the archived tenth: {@code null}, as in plain Hibernate.
 */
class EagerToOneTests {

	/** How the deferred to-ones are planned: bulk-loaded, but on Hibernate 6.6. */
	static final Mode DEFERRED = Fixture.DEFERS ? Mode.BULK : Mode.FALLBACK;

	static final Reason DEFERRED_REASON = Fixture.DEFERS ? null : Reason.HIBERNATE_6;

	/** Every player's schools and mascot, then the statements run. */
	private static final BiConsumer<EntityManager, Observed> PLAYERS = (entityManager, observed) -> read(
			entityManager.createQuery("from Player p order by p.id", Player.class).getResultList(), observed);

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfAQueryLoadInOneStatementPerAssociation(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		AssociationStatistics schools = fixture.bulkPlan().statistics(association(fixture, "Player.school"));
		AssociationStatistics formerSchools = fixture.bulkPlan()
			.statistics(association(fixture, "Player.formerSchool"));
		long batches = schools.batches() + formerSchools.batches();
		long saved = schools.queriesSaved() + formerSchools.queriesSaved();
		Observed observed = fixture.sameAsPlain(PLAYERS);
		assertThat(observed.values()).contains("1:School 2/School 2/Cat Tom/Course B",
				"3:School 4/-/Cat Kitty/Course D", "7:-/School 8/Cat Kitty/Course H", "10:School 2/School 11/-/-",
				"20:School 3/-/-/Course J");
		assertThat(observed.statements())
			.as("the query, the schools of each association not loaded yet (the missing ones are not selected "
					+ "again), the courses, then a select per mascot")
			.containsExactly(Fixture.deferred(1 + 1 + 1 + 1 + 4, 1 + 11 + 10 + 4 + 10));
		assertThat(fixture.plain(PLAYERS).statements()).as("the query, then a select per school, missing school, "
				+ "mascot and course, the archived one included").containsExactly(1 + 11 + 10 + 4 + 10);
		assertThat(schools.batches() + formerSchools.batches() - batches).isEqualTo(Fixture.deferred(2, 0));
		assertThat(schools.queriesSaved() + formerSchools.queriesSaved() - saved).as("11 schools in 2 statements")
			.isEqualTo(Fixture.deferred(11 - 2, 0));
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().startsWith("Player."))
			.extracting(Association::name, Association::kind, Association::mode, Association::reason)
			.containsExactlyInAnyOrder(tuple("Player.school", Kind.EAGER_TO_ONE, DEFERRED, DEFERRED_REASON),
					tuple("Player.formerSchool", Kind.EAGER_TO_ONE, DEFERRED, DEFERRED_REASON),
					tuple("Player.mascot", Kind.EAGER_TO_ONE, Mode.FALLBACK, Reason.LAZILY_REACHED_HIERARCHY),
					tuple("Player.course", Kind.EAGER_TO_ONE, DEFERRED, DEFERRED_REASON));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsLoadInChunks(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 4), Map.of())) {
			Observed observed = fixture.run(factory, PLAYERS);
			assertThat(observed.values()).isEqualTo(fixture.plain(PLAYERS).values());
			assertThat(observed.statements()).as("the query, 9 schools in 3 chunks, the 2 former schools not "
					+ "loaded yet and the 10 missing in 3, 10 courses in 3, a select per mascot")
				.containsExactly(Fixture.deferred(1 + 3 + 3 + 3 + 4, 1 + 11 + 10 + 4 + 10));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aReadOnlyQueryLoadsItsTargetsReadOnly(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Session session = entityManager.unwrap(Session.class);
			for (Player player : entityManager.createQuery("from Player p where p.id <= 8 order by p.id", Player.class)
				.setHint(HibernateHints.HINT_READ_ONLY, true)
				.getResultList()) {
				observed.value((player.getSchool() != null) && session.isReadOnly(player.getSchool()));
			}
			observed.value(session.isReadOnly(entityManager.find(School.class, 3L)));
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly(true, true, true, true, true, true, false, true,
				true);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aReferenceSetOnAnEagerAttributeIsInitializedWhenAQueryReadsItsOwnerAgain(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			Player first = entityManager.find(Player.class, 1L);
			first.setSchool(entityManager.getReference(School.class, 12L));
			entityManager.flush();
			read(entityManager.createQuery("from Player p where p.id <= 3 order by p.id", Player.class).getResultList(),
					observed);
			observed.value(Hibernate.isInitialized(first.getSchool()));
		};
		assertThat(fixture.sameAsPlain(work).values()).startsWith("1:School 12/School 2/Cat Tom/Course B")
			.endsWith(true);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void changesFlushedBeforeTheQueryAreWhatItReads(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.find(Player.class, 2L).setSchool(entityManager.find(School.class, 12L));
			entityManager.find(Player.class, 4L).setSchool(null);
			read(entityManager.createQuery("from Player p where p.id <= 5 order by p.id", Player.class).getResultList(),
					observed);
			observed.value(entityManager.createNativeQuery("select school_id from bl_player where id = 4")
				.getSingleResult());
		};
		assertThat(fixture.sameAsPlain(work).values())
			.contains("1:School 2/School 2/Cat Tom/Course B", "3:School 4/-/Cat Kitty/Course D",
					"5:School 6/School 6/-/Course F")
			.anyMatch((step) -> String.valueOf(step).startsWith("2:School 12/"))
			.anyMatch((step) -> String.valueOf(step).startsWith("4:-/"))
			.endsWith((Object) null);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void anEntityFoundByIdJoinsItsTargetsAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			read(List.of(entityManager.find(Player.class, 1L)), observed);
			read(List.of(entityManager.find(Player.class, 3L)), observed);
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("1:School 2/School 2/Cat Tom/Course B",
				"3:School 4/-/Cat Kitty/Course D");
		assertThat(observed.statements()).as("each player with its targets joined").containsExactly(1, 1);
		assertThat(fixture.plain(work).statements()).containsExactly(1, 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aResolverNamedInTheSettingsLeavesEagerToOnesToHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory("resolver", new BulkLazySettings(List.of(), List.of(), null),
				plans, Map.of("hibernate.persister.resolver", StandardPersisterClassResolver.class.getName()))) {
			assertThat(fixture.run(factory, PLAYERS).statements()).containsExactly(1 + 11 + 10 + 4 + 10);
			assertThat(plans.all().get(0).associations())
				.filteredOn((association) -> association.name().startsWith("Player."))
				.extracting(Association::reason)
				.containsOnly(Reason.CUSTOM_PERSISTER);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aFilterOnlyForQueriesDoesNotHideTargetsLoadedById(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.unwrap(Session.class).enableFilter(School.NOT_NAMED).setParameter("name", "School 2");
			PLAYERS.accept(entityManager, observed);
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("1:School 2/School 2/Cat Tom/Course B");
		assertThat(observed.statements()).containsExactly(Fixture.deferred(1 + 1 + 1 + 1 + 4, 1 + 11 + 10 + 4 + 10));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aTupleTransformerReadsTheTargetsAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.unwrap(Session.class)
				.createQuery("select p from Player p where p.id <= 8 order by p.id", Object[].class)
				.setTupleTransformer((tuple, aliases) -> name(((Player) tuple[0]).getSchool()))
				.getResultList()
				.forEach(observed::value);
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("School 2", "School 3", "School 4", "School 5", "School 6",
				"School 7", "-", "School 9");
		assertThat(observed.statements()).isEqualTo(fixture.plain(work).statements());
	}

	private static Association association(Fixture fixture, String name) {
		return fixture.bulkPlan().associations().stream().filter((a) -> a.name().equals(name)).findFirst().orElseThrow();
	}

	/** Each player's schools and mascot, then the statements run since the last count. */
	private static void read(List<Player> players, Observed observed) {
		for (Player player : players) {
			observed.value(player.getId() + ":" + name(player.getSchool()) + "/" + name(player.getFormerSchool()) + "/"
					+ mascot(player.getMascot()) + "/" + ((player.getCourse() != null) ? player.getCourse().getTitle() : "-"));
		}
		observed.countStatements();
	}

	private static String name(School school) {
		return (school != null) ? school.getName() : "-";
	}

	private static String mascot(Animal animal) {
		return (animal != null) ? Hibernate.getClass(animal).getSimpleName() + " " + animal.getName() : "-";
	}

}
