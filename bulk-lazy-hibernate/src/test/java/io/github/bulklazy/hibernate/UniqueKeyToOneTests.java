package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.model.Badge;
import io.github.bulklazy.model.Card;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Ticket;
import io.github.bulklazy.model.TicketStub;
import io.github.bulklazy.model.User;
import io.github.bulklazy.model.UserInfo;
import io.github.bulklazy.model.Wallet;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * To-ones Hibernate loads by unique key as it reads the owner's row, one select each: an inverse
 * {@code @OneToOne(mappedBy = ...)} and a to-one joined on a non-primary-key column. bulk-lazy loads
 * those of the whole result after its rows. Users 7, 8 and 10 own the infos 1, 2 and 3
 * ({@code User.userInfo}); the tests of infos add info 4, which no user owns, in their own
 * rolled-back transaction.
 */
class UniqueKeyToOneTests {

	/** The infos and their users, after the statements that set up the work. */
	private static Function<EntityManager, List<Object>> infos(Fixture fixture, Function<EntityManager, ?> before) {
		return (entityManager) -> {
			entityManager.persist(new UserInfo(4L, "info 4"));
			entityManager.flush();
			entityManager.clear();
			before.apply(entityManager);
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			for (UserInfo info : entityManager.createQuery("from UserInfo i order by i.id", UserInfo.class)
				.getResultList()) {
				trace.add(info.getDetails() + ":" + ((info.getUser() != null) ? info.getUser().getName() : "-"));
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theCounterpartsOfAQueryLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture, (entityManager) -> null);
		assertThat(fixture.sameAsPlain(work)).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-",
				Fixture.deferred(1 + 1, 1 + 4));
		assertThat(fixture.plain(work).value()).endsWith(1 + 4);
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().equals("UserInfo.user"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theKeysTravelAsOneArrayParameterWhereTheDialectTakesArrays(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<String> sql = fixture.bulk(infos(fixture, (entityManager) -> null)).sql();
		String counterparts = sql.get(sql.size() - 1);
		assertThat(counterparts).as("the last statement loads the counterparts").contains("bl_user");
		if (Fixture.DEFERS) {
			assertThat(counterparts).contains((database == TestDatabase.POSTGRESQL) ? "= any (?)" : " in (?,?,?,?)");
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theCounterpartsLoadInChunks(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture, (entityManager) -> null);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 2), Map.of())) {
			assertThat(fixture.run(factory, work).value()).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck",
					"info 4:-", Fixture.deferred(1 + 2, 1 + 4));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aCounterpartTheSessionHoldsIsNotSelectedAgain(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture,
				(entityManager) -> entityManager.find(User.class, 8L));
		assertThat(fixture.sameAsPlain(work)).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-",
				Fixture.deferred(1 + 1, 1 + 3));
		assertThat(fixture.plain(work).value()).endsWith(1 + 3);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aCounterpartChangedBeforeTheQueryIsTheOneItReads(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = infos(fixture, (entityManager) -> {
			User user = entityManager.find(User.class, 9L);
			user.setUserInfo(entityManager.find(UserInfo.class, 4L));
			entityManager.flush();
			entityManager.clear();
			return user;
		});
		assertThat(fixture.sameAsPlain(work)).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck",
				"info 4:fred", Fixture.deferred(1 + 1, 1 + 4));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfAToOneJoinedOnAUniqueColumnLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = schoolsByCode(fixture, (entityManager) -> null);
		assertThat(fixture.sameAsPlain(work)).containsExactly("School 1", "School 2", "School 3", "School 4",
				Fixture.deferred(1 + 1, 1 + 4));
		assertThat(fixture.plain(work).value()).endsWith(1 + 4);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().equals("PetOwner.schoolByCode"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfEntitiesLoadedInBulkLoadWithThem(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<PetOwner> owners = LongStream.rangeClosed(1, 4)
				.mapToObj((id) -> entityManager.getReference(PetOwner.class, id))
				.toList();
			List<Object> trace = new ArrayList<>();
			owners.forEach((owner) -> trace.add(owner.getSchoolByCode().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).as("the owners, then their schools")
			.containsExactly("School 1", "School 2", "School 3", "School 4", Fixture.deferred(1 + 1, 1 + 4));
		assertThat(fixture.plain(work).value()).as("each owner, then its school").endsWith(4 * 2);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 4), Map.of())) {
			assertThat(fixture.run(factory, work).value()).as("with the loader of a full chunk, built at start-up")
				.endsWith(Fixture.deferred(1 + 1, 1 + 4));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void outsideATransactionTheCounterpartsLoadAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		for (EntityManagerFactory factory : List.of(fixture.bulkFactory(), fixture.plainFactory())) {
			try (EntityManager entityManager = factory.createEntityManager()) {
				fixture.statementsSinceMark();
				List<String> users = entityManager.createQuery("from UserInfo i order by i.id", UserInfo.class)
					.getResultList()
					.stream()
					.map((info) -> info.getUser().getName())
					.toList();
				assertThat(users).containsExactly("jack", "ed", "chuck");
				assertThat(fixture.statementsSinceMark()).isEqualTo(1 + 3);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfASharedPrimaryKeyOneToOneLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from Badge b order by b.id", Badge.class)
				.getResultList()
				.forEach((badge) -> trace.add(badge.getHolder() + ":"
						+ ((badge.getPhoto() != null) ? badge.getPhoto().getCaption() : "-")));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).containsExactly("Holder 1:Photo 1", "Holder 2:Photo 2", "Holder 3:-",
				"Holder 4:Photo 4", "Holder 5:Photo 5", "Holder 6:-", Fixture.deferred(1 + 1, 1 + 6));
		assertThat(fixture.plain(work).value()).endsWith(1 + 6);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().equals("Badge.photo"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aFilterOnlyForQueriesDoesNotHideCounterpartsLoadedByKey(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = schoolsByCode(fixture, (entityManager) -> entityManager
			.unwrap(Session.class)
			.enableFilter(School.NOT_NAMED)
			.setParameter("name", "School 2"));
		assertThat(fixture.sameAsPlain(work)).containsExactly("School 1", "School 2", "School 3", "School 4", 1 + 4);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aDanglingUniqueKeyFailsALaterFetchJoinAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Map<String, Function<EntityManager, List<Ticket>>> loads = Map.of("by a query",
				(entityManager) -> entityManager.createQuery("from Ticket t order by t.id", Ticket.class).getResultList(),
				"as references", (entityManager) -> LongStream.rangeClosed(1, 4)
					.mapToObj((id) -> entityManager.getReference(Ticket.class, id))
					.toList(),
				"as inverse one-to-ones", (entityManager) -> entityManager
					.createQuery("from TicketStub s order by s.id", TicketStub.class)
					.getResultList()
					.stream()
					.map(TicketStub::getTicket)
					.toList());
		loads.forEach((how, load) -> {
			List<Object> trace = fixture.sameAsPlain((entityManager) -> {
				entityManager.createNativeQuery("update bl_ticket set school_code = 'gone' where id in (2, 3)")
					.executeUpdate();
				List<Object> schools = new ArrayList<>();
				load.apply(entityManager)
					.forEach((ticket) -> schools.add((ticket.getSchool() != null) ? ticket.getSchool().getName() : "-"));
				schools.add(ticketsFetchingSchools(entityManager));
				return schools;
			});
			assertThat(trace).as(how).containsExactly("School 1", "-", "-", "School 4", "FetchNotFoundException");
		});
	}

	/** The tickets of a query that fetch-joins their schools, or the exception it throws. */
	private static Object ticketsFetchingSchools(EntityManager entityManager) {
		try {
			return entityManager.createQuery("from Ticket t left join fetch t.school order by t.id", Ticket.class)
				.getResultList()
				.size() + " tickets";
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void counterpartsWithAnEagerCollectionLoadOnceEach(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from Wallet w order by w.id", Wallet.class)
				.getResultList()
				.forEach((wallet) -> trace.add((wallet.getCard() != null) ? wallet.getCard().getStamps() : "-"));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).startsWith(List.of(), List.of("stamp 2.0"), List.of("stamp 3.0", "stamp 3.1"));
		assertThat(trace.get(4)).isEqualTo("-");
		assertThat(trace.get(5)).as("the wallets, then the cards: with their stamps joined by one array parameter, "
				+ "or by a query whose stamps load in one statement more")
			.isEqualTo(Fixture.deferred((database == TestDatabase.POSTGRESQL) ? 1 + 1 : 1 + 1 + 1, 1 + 5));
		assertThat(fixture.plain(work).value()).as("the wallets, then each card with its stamps").endsWith(1 + 5);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void counterpartsLoadWithTheSessionsFetchProfiles(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			entityManager.unwrap(Session.class).enableFetchProfile(Card.WITH_NOTES);
			List<Object> initialized = new ArrayList<>();
			entityManager.createQuery("from Wallet w where w.id <= 2 order by w.id", Wallet.class)
				.getResultList()
				.forEach((wallet) -> initialized.add(Hibernate.isInitialized(wallet.getCard().getNotes())));
			return initialized;
		});
		assertThat(trace).containsExactly(true, true);
	}

	/** The pet owners' schools, joined on the school's code, after the statements that set up the work. */
	private static Function<EntityManager, List<Object>> schoolsByCode(Fixture fixture,
			Function<EntityManager, ?> before) {
		return (entityManager) -> {
			before.apply(entityManager);
			fixture.statementsSinceMark();
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
				.getResultList()
				.forEach((owner) -> trace.add(owner.getSchoolByCode().getName()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
	}

}
