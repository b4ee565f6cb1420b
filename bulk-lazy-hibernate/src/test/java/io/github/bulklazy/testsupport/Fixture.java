package io.github.bulklazy.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
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
import io.github.bulklazy.model.Item;
import io.github.bulklazy.model.Guild;
import io.github.bulklazy.model.Guildsman;
import io.github.bulklazy.model.League;
import io.github.bulklazy.model.Member;
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

	private static final Map<TestDatabase, Fixture> fixtures = new ConcurrentHashMap<>();

	private final TestDatabase database;

	private final StatementCounter counter = new StatementCounter();

	private final HikariDataSource dataSource;

	private final EntityManagerFactory plain;

	private final EntityManagerFactory bulk;

	private final BulkLazyPlans plans = new BulkLazyPlans();

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
		TestData.seed(this.bulk, this.dataSource);
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
	 * Runs the work with bulk-lazy and with plain Hibernate, checks that both read the same values,
	 * and returns what the work observed with bulk-lazy.
	 */
	public Observed sameAsPlain(BiConsumer<EntityManager, Observed> work) {
		Observed bulk = bulk(work);
		Observed plain = plain(work);
		assertThat(bulk.values()).as("bulk-lazy reads what plain Hibernate reads").isEqualTo(plain.values());
		return bulk;
	}

	/** The SQL of every statement the current work executed so far, or the last work once it finished. */
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

	/** Runs work with bulk-lazy and returns what it observed. */
	public Observed bulk(BiConsumer<EntityManager, Observed> work) {
		return run(this.bulk, work);
	}

	/** Runs work with plain Hibernate and counts its statements. */
	public <T> Run<T> plain(Function<EntityManager, T> work) {
		return run(this.plain, work);
	}

	/** Runs work with plain Hibernate and returns what it observed. */
	public Observed plain(BiConsumer<EntityManager, Observed> work) {
		return run(this.plain, work);
	}

	/** Runs work in a transaction that is rolled back, and returns what it observed. */
	public Observed run(EntityManagerFactory factory, BiConsumer<EntityManager, Observed> work) {
		return run(factory, (entityManager) -> {
			Observed observed = new Observed(this.counter);
			work.accept(entityManager, observed);
			return observed;
		}).value();
	}

	/** Runs work in a transaction that is rolled back, counting the statements it executes. */
	public <T> Run<T> run(EntityManagerFactory factory, Function<EntityManager, T> work) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			this.counter.reset();
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
