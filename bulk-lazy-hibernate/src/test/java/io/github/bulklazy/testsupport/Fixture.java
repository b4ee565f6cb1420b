package io.github.bulklazy.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bulklazy.enhanced.Academy;
import io.github.bulklazy.enhanced.Booking;
import io.github.bulklazy.enhanced.Building;
import io.github.bulklazy.enhanced.Campus;
import io.github.bulklazy.enhanced.Library;
import io.github.bulklazy.enhanced.Pupil;
import io.github.bulklazy.enhanced.Room;
import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.model.Address;
import io.github.bulklazy.model.Animal;
import io.github.bulklazy.model.Badge;
import io.github.bulklazy.model.BadgePhoto;
import io.github.bulklazy.model.Bike;
import io.github.bulklazy.model.Box;
import io.github.bulklazy.model.Car;
import io.github.bulklazy.model.Card;
import io.github.bulklazy.model.Cat;
import io.github.bulklazy.model.Citation;
import io.github.bulklazy.model.City;
import io.github.bulklazy.model.Copy;
import io.github.bulklazy.model.Country;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.District;
import io.github.bulklazy.model.Dog;
import io.github.bulklazy.model.Edition;
import io.github.bulklazy.model.EditionId;
import io.github.bulklazy.model.Item;
import io.github.bulklazy.model.Guild;
import io.github.bulklazy.model.Guildsman;
import io.github.bulklazy.model.League;
import io.github.bulklazy.model.Member;
import io.github.bulklazy.model.Membership;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Seat;
import io.github.bulklazy.model.Shelter;
import io.github.bulklazy.model.Shelf;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.model.Team;
import io.github.bulklazy.model.Thing;
import io.github.bulklazy.model.Ticket;
import io.github.bulklazy.model.TicketStub;
import io.github.bulklazy.model.User;
import io.github.bulklazy.model.UserInfo;
import io.github.bulklazy.model.Vehicle;
import io.github.bulklazy.model.Visit;
import io.github.bulklazy.model.Wallet;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One database with the test model and its data, and two entity manager factories over it:
 * plain Hibernate and Hibernate with bulk-lazy. Built once per database and shared by the tests.
 */
public final class Fixture {

	public static final List<Class<?>> ENTITIES = List.of(District.class, School.class, Teacher.class, Course.class,
			Student.class, User.class, UserInfo.class, Address.class, Thing.class, Animal.class, Dog.class,
			Cat.class, PetOwner.class, Country.class, City.class, Box.class, Item.class, Team.class, League.class,
			Vehicle.class, Car.class, Bike.class, Player.class, Edition.class, Shelf.class, Copy.class, Citation.class,
			Member.class, Shelter.class, Academy.class, Pupil.class, Campus.class, Building.class, Library.class,
			Room.class, Booking.class, Badge.class, BadgePhoto.class, Guild.class, Guildsman.class,
			Ticket.class, TicketStub.class, Seat.class, Wallet.class, Card.class);

	/**
	 * Whether bulk-lazy defers the to-ones Hibernate loads with their owner on the running Hibernate:
	 * on every line but 6.6.
	 */
	public static final boolean DEFERS = !Version.getVersionString().startsWith("6.");

	/** The statements of a work with deferred to-ones: bulk-lazy's where it defers them, else plain Hibernate's. */
	public static int deferred(int deferred, int plain) {
		return DEFERS ? deferred : plain;
	}

	/** Marks a factory that keeps {@code @Cacheable} entities in a second-level cache of its own. */
	private static final String CACHED = "bulk-lazy-test.cached";

	/** Players seeded, see {@link #seedPlayers}. */
	public static final int PLAYERS = 40;

	/** Citations seeded, see {@link #seedCopies}. */
	public static final int CITATIONS = 24;

	/** Guilds seeded, see {@link #seedGuilds}. */
	public static final int GUILDS = 30;

	/** Pupils seeded, see {@link #seedPupils}. */
	public static final int PUPILS = 30;

	/** Items and boxes seeded for the cost test. */
	public static final int ITEMS = 20_000;

	private static final Map<TestDatabase, Fixture> fixtures = new ConcurrentHashMap<>();

	private final TestDatabase database;

	private final StatementCounter counter = new StatementCounter();

	private final HikariDataSource dataSource;

	private final EntityManagerFactory plain;

	private final EntityManagerFactory bulk;

	private final BulkLazyPlans plans = new BulkLazyPlans();

	private int mark;

	private Fixture(TestDatabase database) {
		this.database = database;
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(database.url());
		this.dataSource.setUsername(database.username());
		this.dataSource.setPassword(database.password());
		this.dataSource.setMaximumPoolSize(4);
		this.bulk = factory(BulkLazySettings.defaults(), this.plans, properties(
				"jakarta.persistence.schema-generation.database.action", "drop-and-create", CACHED, true));
		this.plain = factory(null, new BulkLazyPlans(), properties(CACHED, true));
		seed();
		Runtime.getRuntime().addShutdownHook(new Thread(this::close));
	}

	/** The fixture of a database; skips the test if the database cannot be reached. */
	public static Fixture on(TestDatabase database) {
		database.assumeReachable();
		return fixtures.computeIfAbsent(database, Fixture::new);
	}

	public TestDatabase database() {
		return this.database;
	}

	/** The factory with bulk-lazy's default settings. */
	public EntityManagerFactory bulkFactory() {
		return this.bulk;
	}

	/** The plan of the factory with bulk-lazy's default settings. */
	public BulkLazyPlan bulkPlan() {
		return this.plans.all().get(0);
	}

	/** The factory without bulk-lazy. */
	public EntityManagerFactory plainFactory() {
		return this.plain;
	}

	/**
	 * A new factory over the same data.
	 * @param settings bulk-lazy's settings, or {@code null} for plain Hibernate
	 * @param properties more Hibernate properties
	 * @return a factory the caller closes
	 */
	public EntityManagerFactory factory(BulkLazySettings settings, Map<String, Object> properties) {
		return factory(settings, new BulkLazyPlans(), properties);
	}

	public EntityManagerFactory factory(BulkLazySettings settings, BulkLazyPlans plans,
			Map<String, Object> properties) {
		return factory(null, settings, plans, properties);
	}

	/** A new factory over the same data, whose plan is published under the given name. */
	public EntityManagerFactory factory(String name, BulkLazySettings settings, BulkLazyPlans plans,
			Map<String, Object> properties) {
		return factoryWith((settings != null) ? new BulkLazyIntegrator(settings, plans, name) : null, properties);
	}

	/**
	 * A new factory over the same data.
	 * @param integrator bulk-lazy's integrator, or {@code null} for plain Hibernate
	 * @param properties more Hibernate properties
	 * @return a factory the caller closes
	 */
	public EntityManagerFactory factoryWith(BulkLazyIntegrator integrator, Map<String, Object> properties) {
		Map<String, Object> configuration = properties("jakarta.persistence.nonJtaDataSource",
				this.counter.wrap(this.dataSource), "hibernate.generate_statistics", true);
		if (properties.containsKey(CACHED)) {
			// only the two long-lived factories: closing a factory closes its cache manager, so each has
			// one of its own, which no other factory of the test JVM (a Spring application's, say) closes
			configuration.putAll(properties("hibernate.cache.region.factory_class", "jcache",
					"hibernate.javax.cache.cache_manager", new CaffeineCachingProvider().getCacheManager(),
					"hibernate.javax.cache.missing_cache_strategy", "create", "jakarta.persistence.sharedCache.mode",
					"ENABLE_SELECTIVE"));
		}
		else {
			configuration.put("hibernate.cache.use_second_level_cache", false);
		}
		if (integrator != null) {
			configuration.put("hibernate.integrator_provider", BulkLazyIntegratorProvider.including(null, integrator));
		}
		configuration.putAll(properties);
		return TestPersistenceUnit.createEntityManagerFactory("bulk-lazy-test", ENTITIES, configuration);
	}

	/**
	 * Runs the work with bulk-lazy and with plain Hibernate, checks that every value it traced is
	 * the same in both, and returns bulk-lazy's trace. Integers in a trace are statement counts,
	 * which may differ.
	 */
	public List<Object> sameAsPlain(Function<EntityManager, List<Object>> work) {
		List<Object> bulkTrace = bulk(work).value();
		List<Object> plainTrace = plain(work).value();
		assertThat(valuesOf(bulkTrace)).isEqualTo(valuesOf(plainTrace));
		return bulkTrace;
	}

	private static List<Object> valuesOf(List<Object> trace) {
		return trace.stream().filter((step) -> !(step instanceof Integer)).toList();
	}

	/** Statements executed since the last call, or since the work began. */
	public int statementsSinceMark() {
		int count = this.counter.count();
		int since = count - this.mark;
		this.mark = count;
		return since;
	}

	/** The SQL of every statement the current work executed so far. */
	public List<String> sql() {
		return this.counter.statements();
	}

	/** The 60 students, in 11 schools (school 12 has none), by id. */
	public static List<Student> students(EntityManager entityManager) {
		return entityManager.createQuery("from Student s order by s.id", Student.class).getResultList();
	}

	/** Runs work with bulk-lazy and counts its statements. */
	public <T> Run<T> bulk(Function<EntityManager, T> work) {
		return run(this.bulk, work);
	}

	/** Runs work with plain Hibernate and counts its statements. */
	public <T> Run<T> plain(Function<EntityManager, T> work) {
		return run(this.plain, work);
	}

	/** Runs work in a transaction that is rolled back, counting the statements it executes. */
	public <T> Run<T> run(EntityManagerFactory factory, Function<EntityManager, T> work) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			this.counter.reset();
			this.mark = 0;
			T value = work.apply(entityManager);
			Run<T> run = new Run<>(value, this.counter.count(), this.counter.statements());
			entityManager.getTransaction().rollback();
			return run;
		}
		finally {
			if (entityManager.getTransaction().isActive()) {
				entityManager.getTransaction().rollback();
			}
			entityManager.close();
		}
	}

	private void seed() {
		inTransaction((entityManager) -> {
			District[] districts = new District[5];
			for (long i = 1; i <= 4; i++) {
				districts[(int) i] = persist(entityManager, new District(i, "District " + i));
			}
			School[] schools = new School[13];
			for (long i = 1; i <= 12; i++) {
				schools[(int) i] = persist(entityManager, new School(i, "School " + i, districts[(int) ((i - 1) % 4) + 1]));
			}
			Teacher[] teachers = new Teacher[7];
			for (long i = 1; i <= 6; i++) {
				teachers[(int) i] = persist(entityManager, new Teacher(i, "Teacher " + i, schools[(int) (i * 2)]));
			}
			Course[] courses = new Course[11];
			for (long i = 1; i <= 10; i++) {
				courses[(int) i] = persist(entityManager,
						new Course(i, "Course " + (char) ('A' + i), teachers[(int) ((i - 1) % 6) + 1], i == 10));
			}
			for (long i = 1; i <= 60; i++) {
				// school 12 keeps no student
				Student student = new Student(i, "Student " + i, schools[(int) ((i - 1) % 11) + 1]);
				for (long offset : new long[] { 0, 3, 6 }) {
					student.getCourses().add(courses[(int) ((i + offset) % 10) + 1]);
				}
				for (int n = 0; n < i % 3; n++) {
					student.getNicknames().add("nick " + i + "." + (char) ('z' - n));
				}
				persist(entityManager, student);
			}
			seedUsers(entityManager);
			Dog rex = persist(entityManager, new Dog(1L, "Rex"));
			Cat tom = persist(entityManager, new Cat(2L, "Tom"));
			Dog fido = persist(entityManager, new Dog(3L, "Fido"));
			Cat kitty = persist(entityManager, new Cat(4L, "Kitty"));
			persist(entityManager, new PetOwner(1L, tom, rex, schools[1]));
			persist(entityManager, new PetOwner(2L, fido, fido, schools[2]));
			persist(entityManager, new PetOwner(3L, kitty, null, schools[3]));
			persist(entityManager, new PetOwner(4L, rex, null, schools[4]));
			// the shelters' owners hold Rex typed to Dog (owner 1) and to Animal (owner 4)
			persist(entityManager, new Shelter(1L, List.of(entityManager.find(PetOwner.class, 4L))));
			persist(entityManager, new Shelter(2L, List.of(entityManager.find(PetOwner.class, 1L))));
			seedPlayers(entityManager, schools, new Animal[] { rex, tom, fido, kitty });
			seedCopies(entityManager);
			seedMembers(entityManager, districts, schools, courses, new Animal[] { rex, tom, fido, kitty });
			seedPupils(entityManager);
			seedBadges(entityManager);
			seedGuilds(entityManager);
			seedTickets(entityManager, schools);
			seedCards(entityManager);
			Country[] countries = new Country[4];
			for (long i = 1; i <= 3; i++) {
				countries[(int) i] = persist(entityManager, new Country(i, "Country " + i));
			}
			for (long i = 1; i <= 6; i++) {
				persist(entityManager, new City(i, "City " + i, countries[(int) ((i - 1) % 3) + 1]));
			}
			persist(entityManager, new Bike(1L, "Bike 1"));
			persist(entityManager, new Car(2L, "Car 2", entityManager.getReference(City.class, 1L)));
			persist(entityManager, new Car(3L, "Car 3", null));
			persist(entityManager, new Bike(4L, "Bike 4"));
			Team[] teams = new Team[6];
			for (long i = 1; i <= 5; i++) {
				teams[(int) i] = new Team(i, "Team " + i);
				for (int n = 0; n < i % 3; n++) {
					teams[(int) i].getMembers().add("member " + i + "." + n);
				}
				persist(entityManager, teams[(int) i]);
			}
			int[][] teamsByLeague = { { 1, 2 }, { 2, 3, 4 }, {} };
			for (int i = 0; i < teamsByLeague.length; i++) {
				League league = persist(entityManager, new League(i + 1L));
				for (int team : teamsByLeague[i]) {
					league.getTeams().add(teams[team]);
				}
			}
		});
		seedBoxesAndItems();
	}

	/**
	 * 40 players: every seventh without a school, the others in schools 1 to 9; every fifth
	 * without a mascot; former schools 1 to 12, with every third missing from its table (ids above
	 * 100) and every fourth none; courses 1 to 10 (the tenth archived, hidden by
	 * {@code @SQLRestriction}), every eleventh none.
	 */
	private static void seedPlayers(EntityManager entityManager, School[] schools, Animal[] mascots) {
		for (long i = 1; i <= PLAYERS; i++) {
			persist(entityManager, new Player(i, "Player " + i, (i % 7 == 0) ? null : schools[(int) (i % 9) + 1],
					(i % 5 == 0) ? null : mascots[(int) (i % 4)]));
		}
		entityManager.flush();
		entityManager.createNativeQuery("update bl_player set former_school_id = case when mod(id, 4) = 0 then null "
				+ "when mod(id, 3) = 0 then 100 + id else mod(id, 12) + 1 end, "
				+ "course_id = case when mod(id, 11) = 0 then null else mod(id, 11) end").executeUpdate();
	}

	/** 6 badges; the photos of badges 1, 2, 4 and 5 (badges 3 and 6 have none). */
	private static void seedBadges(EntityManager entityManager) {
		for (long i = 1; i <= 6; i++) {
			persist(entityManager, new Badge(i, "Holder " + i));
			if (i % 3 != 0) {
				persist(entityManager, new BadgePhoto(i, "Photo " + i));
			}
		}
	}

	/** 30 guilds of 1 or 2 members each (guilds of an even id have 2). */
	private static void seedGuilds(EntityManager entityManager) {
		for (long i = 1; i <= GUILDS; i++) {
			Guild guild = persist(entityManager, new Guild(i));
			for (long n = 1; n <= 1 + (i + 1) % 2; n++) {
				persist(entityManager, new Guildsman(i * 10 + n, "Guildsman " + i + "." + n, guild));
			}
		}
	}

	/**
	 * 4 tickets, each with a stub, for schools 1 to 4, each on a seat of its own, of guilds 1 and 2.
	 */
	private static void seedTickets(EntityManager entityManager, School[] schools) {
		for (long i = 1; i <= 4; i++) {
			Seat seat = persist(entityManager, new Seat(entityManager.find(Guild.class, 1 + i % 2), (int) i));
			persist(entityManager, new Ticket(i, schools[(int) i], persist(entityManager, new TicketStub(i)), seat));
		}
	}

	/** 5 wallets, the first 4 with a card of 0 to 3 stamps and 2 notes each. */
	private static void seedCards(EntityManager entityManager) {
		for (long i = 1; i <= 5; i++) {
			Wallet wallet = persist(entityManager, new Wallet(i));
			if (i <= 4) {
				Card card = new Card(i, wallet);
				for (int n = 0; n < i - 1; n++) {
					card.getStamps().add("stamp " + i + "." + n);
				}
				card.getNotes().addAll(List.of("note " + i + ".a", "note " + i + ".b"));
				persist(entityManager, card);
			}
		}
	}

	/**
	 * 9 academies and 30 pupils of the enhanced model: every seventh pupil in no academy, the others
	 * in academies 1 to 6; every fourth without a former academy, the others from academies 1 to 8.
	 */
	private static void seedPupils(EntityManager entityManager) {
		Academy[] academies = new Academy[10];
		for (long i = 1; i <= 9; i++) {
			academies[(int) i] = persist(entityManager, new Academy(i, "Academy " + i));
		}
		for (long i = 1; i <= PUPILS; i++) {
			persist(entityManager, new Pupil(i, "Pupil " + i, (i % 7 == 0) ? null : academies[(int) (i % 6) + 1],
					(i % 4 == 0) ? null : academies[(int) (i % 8) + 1]));
		}
	}

	/**
	 * 6 editions (books 1 to 3, numbers 1 and 2), 4 shelves (rooms 1 and 2, positions 1 and 2) and
	 * 20 copies: every fifth without an edition, the others in the editions 2 to 5 (editions 1 and 6
	 * keep none); every seventh without a shelf. 24 citations: every sixth without an edition, the
	 * others in editions 1 to 5; every fifth without a shelf, the others on the 4 shelves.
	 */
	private static void seedCopies(EntityManager entityManager) {
		Edition[] editions = new Edition[6];
		for (int i = 0; i < 6; i++) {
			editions[i] = persist(entityManager,
					new Edition(new EditionId(i / 2 + 1L, i % 2 + 1), "Edition " + (i / 2 + 1) + "." + (i % 2 + 1)));
		}
		Shelf[] shelves = new Shelf[4];
		for (int i = 0; i < 4; i++) {
			shelves[i] = persist(entityManager, new Shelf(i / 2 + 1, i % 2 + 1));
		}
		for (long i = 1; i <= 20; i++) {
			persist(entityManager, new Copy(i, (i % 5 == 0) ? null : editions[(int) (i % 5)],
					(i % 7 == 0) ? null : shelves[(int) (i % 4)]));
		}
		for (long i = 1; i <= CITATIONS; i++) {
			persist(entityManager, new Citation(i, (i % 6 == 0) ? null : editions[(int) (i % 6) - 1],
					(i % 5 == 0) ? null : shelves[(int) (i % 4)]));
		}
	}

	/**
	 * 10 members: every fifth without a school, the others in schools 2 to 5; every third without a
	 * pet; two courses each, but the seventh none; 0, 1 or 2 visits (by id modulo 3), to districts
	 * 1 to 4 or, for a visit whose id and position add up to a multiple of 5, to none.
	 */
	private static void seedMembers(EntityManager entityManager, District[] districts, School[] schools,
			Course[] courses, Animal[] pets) {
		for (long i = 1; i <= 10; i++) {
			Membership membership = new Membership(2000 + (int) i, (i % 5 == 0) ? null : schools[(int) (i % 4) + 2],
					(i % 3 == 0) ? null : pets[(int) (i % 4)]);
			if (i != 7) {
				membership.getCourses().add(courses[(int) (i % 10) + 1]);
				membership.getCourses().add(courses[(int) ((i + 3) % 10) + 1]);
			}
			Member member = new Member(i, membership);
			for (int n = 0; n < i % 3; n++) {
				member.getVisits()
					.add(new Visit("visit " + i + "." + n, ((i + n) % 5 == 0) ? null : districts[(int) ((i + n) % 4) + 1]));
			}
			persist(entityManager, member);
		}
	}

	private static void seedUsers(EntityManager entityManager) {
		UserInfo info1 = persist(entityManager, new UserInfo(1L, "info 1"));
		UserInfo info2 = persist(entityManager, new UserInfo(2L, "info 2"));
		UserInfo info3 = persist(entityManager, new UserInfo(3L, "info 3"));
		User user7 = persist(entityManager, new User(7L, "jack", null, info1));
		User user8 = persist(entityManager, new User(8L, "ed", user7, info2));
		User user9 = persist(entityManager, new User(9L, "fred", user7, null));
		persist(entityManager, new User(10L, "chuck", user8, info3));
		persist(entityManager, new Address(1L, "jack@bean.com", user7));
		persist(entityManager, new Address(2L, "ed@wood.com", user8));
		persist(entityManager, new Address(3L, "ed@bettyboop.com", user8));
		persist(entityManager, new Address(4L, "ed@lala.com", user8));
		persist(entityManager, new Address(5L, "fred@fred.com", user9));
		persist(entityManager, new Thing(1L, "dog"));
		persist(entityManager, new Thing(2L, "lamp"));
		persist(entityManager, new Thing(3L, "chair"));
		entityManager.flush();
		entityManager.createNativeQuery("insert into bl_user_to_thing (user_id, thing_id) values "
				+ "(7, 1), (8, 1), (8, 1), (10, 2), (9, 2), (10, 3)").executeUpdate();
	}

	private void seedBoxesAndItems() {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			insert(connection, "insert into bl_box (id, label) values (?, ?)", true);
			insert(connection, "insert into bl_item (id, box_id) values (?, ?)", false);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void insert(Connection connection, String sql, boolean label) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (long i = 1; i <= ITEMS; i++) {
				statement.setLong(1, i);
				if (label) {
					statement.setString(2, "Box " + i);
				}
				else {
					statement.setLong(2, i);
				}
				statement.addBatch();
				if (i % 1000 == 0) {
					statement.executeBatch();
				}
			}
		}
	}

	private void inTransaction(java.util.function.Consumer<EntityManager> work) {
		EntityManager entityManager = this.bulk.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			work.accept(entityManager);
			entityManager.getTransaction().commit();
		}
		finally {
			entityManager.close();
		}
	}

	private static <T> T persist(EntityManager entityManager, T entity) {
		entityManager.persist(entity);
		return entity;
	}

	private void close() {
		this.bulk.close();
		this.plain.close();
		this.dataSource.close();
	}

	/** Generates the Hibernate properties map for a test. */
	public static Map<String, Object> properties(Object... keysAndValues) {
		Map<String, Object> properties = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return properties;
	}

}
