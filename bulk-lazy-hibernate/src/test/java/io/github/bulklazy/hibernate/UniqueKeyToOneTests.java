package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
import io.github.bulklazy.testsupport.Observed;
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
	private static BiConsumer<EntityManager, Observed> infos(Function<EntityManager, ?> before) {
		return (entityManager, observed) -> {
			entityManager.persist(new UserInfo(4L, "info 4"));
			entityManager.flush();
			entityManager.clear();
			before.apply(entityManager);
			observed.skipStatements();
			for (UserInfo info : entityManager.createQuery("from UserInfo i order by i.id", UserInfo.class)
				.getResultList()) {
				observed.value(info.getDetails() + ":" + ((info.getUser() != null) ? info.getUser().getName() : "-"));
			}
			observed.countStatements();
		};
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theCounterpartsOfAQueryLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = infos((entityManager) -> null);
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-");
		assertThat(observed.statements()).as("the infos, then their users")
			.containsExactly(Fixture.deferred(1 + 1, 1 + 4));
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 4);
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().equals("UserInfo.user"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theKeysTravelAsOneArrayParameterWhereTheDialectTakesArrays(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		fixture.bulk(infos((entityManager) -> null));
		List<String> sql = fixture.sql();
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
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 2), Map.of())) {
			Observed observed = fixture.run(factory, infos((entityManager) -> null));
			assertThat(observed.values()).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-");
			assertThat(observed.statements()).as("the infos, then their users 2 at a time")
				.containsExactly(Fixture.deferred(1 + 2, 1 + 4));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aCounterpartTheSessionHoldsIsNotSelectedAgain(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = infos((entityManager) -> entityManager.find(User.class, 8L));
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:-");
		assertThat(observed.statements()).containsExactly(Fixture.deferred(1 + 1, 1 + 3));
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 3);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aCounterpartChangedBeforeTheQueryIsTheOneItReads(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Observed observed = fixture.sameAsPlain(infos((entityManager) -> {
			User user = entityManager.find(User.class, 9L);
			user.setUserInfo(entityManager.find(UserInfo.class, 4L));
			entityManager.flush();
			entityManager.clear();
			return user;
		}));
		assertThat(observed.values()).containsExactly("info 1:jack", "info 2:ed", "info 3:chuck", "info 4:fred");
		assertThat(observed.statements()).containsExactly(Fixture.deferred(1 + 1, 1 + 4));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfAToOneJoinedOnAUniqueColumnLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = schoolsByCode((entityManager) -> null);
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("School 1", "School 2", "School 3", "School 4");
		assertThat(observed.statements()).as("the owners, then their schools")
			.containsExactly(Fixture.deferred(1 + 1, 1 + 4));
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 4);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().equals("PetOwner.schoolByCode"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfEntitiesLoadedInBulkLoadWithThem(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<PetOwner> owners = LongStream.rangeClosed(1, 4)
				.mapToObj((id) -> entityManager.getReference(PetOwner.class, id))
				.toList();
			owners.forEach((owner) -> observed.value(owner.getSchoolByCode().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("School 1", "School 2", "School 3", "School 4");
		assertThat(observed.statements()).as("the owners, then their schools")
			.containsExactly(Fixture.deferred(1 + 1, 1 + 4));
		assertThat(fixture.plain(work).statements()).as("each owner, then its school").containsExactly(4 * 2);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 4), Map.of())) {
			assertThat(fixture.run(factory, work).statements()).as("with the loader of a full chunk, built at start-up")
				.containsExactly(Fixture.deferred(1 + 1, 1 + 4));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void outsideATransactionTheCounterpartsLoadAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		for (EntityManagerFactory factory : List.of(fixture.bulkFactory(), fixture.plainFactory())) {
			try (EntityManager entityManager = factory.createEntityManager()) {
				int before = fixture.sql().size();
				List<String> users = entityManager.createQuery("from UserInfo i order by i.id", UserInfo.class)
					.getResultList()
					.stream()
					.map((info) -> info.getUser().getName())
					.toList();
				assertThat(users).containsExactly("jack", "ed", "chuck");
				assertThat(fixture.sql().size() - before).as("the infos, then each one's user").isEqualTo(1 + 3);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTargetsOfASharedPrimaryKeyOneToOneLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from Badge b order by b.id", Badge.class)
				.getResultList()
				.forEach((badge) -> observed.value(badge.getHolder() + ":"
						+ ((badge.getPhoto() != null) ? badge.getPhoto().getCaption() : "-")));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("Holder 1:Photo 1", "Holder 2:Photo 2", "Holder 3:-",
				"Holder 4:Photo 4", "Holder 5:Photo 5", "Holder 6:-");
		assertThat(observed.statements()).as("the badges, then their photos")
			.containsExactly(Fixture.deferred(1 + 1, 1 + 6));
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 6);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().equals("Badge.photo"))
			.extracting(Association::kind, Association::mode)
			.containsExactly(tuple(Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aFilterOnlyForQueriesDoesNotHideCounterpartsLoadedByKey(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Observed observed = fixture.sameAsPlain(schoolsByCode((entityManager) -> entityManager
			.unwrap(Session.class)
			.enableFilter(School.NOT_NAMED)
			.setParameter("name", "School 2")));
		assertThat(observed.values()).containsExactly("School 1", "School 2", "School 3", "School 4");
		assertThat(observed.statements()).containsExactly(1 + 4);
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
			BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
				entityManager.createNativeQuery("update bl_ticket set school_code = 'gone' where id in (2, 3)")
					.executeUpdate();
				load.apply(entityManager)
					.forEach((ticket) -> observed.value((ticket.getSchool() != null) ? ticket.getSchool().getName() : "-"));
				observed.value(ticketsFetchingSchools(entityManager));
			};
			assertThat(fixture.sameAsPlain(work).values()).as(how)
				.containsExactly("School 1", "-", "-", "School 4", "FetchNotFoundException");
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
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from Wallet w order by w.id", Wallet.class)
				.getResultList()
				.forEach((wallet) -> observed.value((wallet.getCard() != null) ? wallet.getCard().getStamps() : "-"));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith(List.of(), List.of("stamp 2.0"), List.of("stamp 3.0", "stamp 3.1"));
		assertThat(observed.values().get(4)).isEqualTo("-");
		assertThat(observed.statements())
			.as("the wallets, then the cards: with their stamps joined by one array parameter, "
					+ "or by a query whose stamps load in one statement more")
			.containsExactly(Fixture.deferred((database == TestDatabase.POSTGRESQL) ? 1 + 1 : 1 + 1 + 1, 1 + 5));
		assertThat(fixture.plain(work).statements()).as("the wallets, then each card with its stamps")
			.containsExactly(1 + 5);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void counterpartsLoadWithTheSessionsFetchProfiles(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.unwrap(Session.class).enableFetchProfile(Card.WITH_NOTES);
			entityManager.createQuery("from Wallet w where w.id <= 2 order by w.id", Wallet.class)
				.getResultList()
				.forEach((wallet) -> observed.value(Hibernate.isInitialized(wallet.getCard().getNotes())));
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly(true, true);
	}

	/** The pet owners' schools, joined on the school's code, after the statements that set up the work. */
	private static BiConsumer<EntityManager, Observed> schoolsByCode(Function<EntityManager, ?> before) {
		return (entityManager, observed) -> {
			before.apply(entityManager);
			observed.skipStatements();
			entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
				.getResultList()
				.forEach((owner) -> observed.value(owner.getSchoolByCode().getName()));
			observed.countStatements();
		};
	}

}
