package io.github.bulklazy.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bulklazy.benchmarks.model.Account;
import io.github.bulklazy.benchmarks.model.Course;
import io.github.bulklazy.benchmarks.model.District;
import io.github.bulklazy.benchmarks.model.Player;
import io.github.bulklazy.benchmarks.model.School;
import io.github.bulklazy.benchmarks.model.Settings;
import io.github.bulklazy.benchmarks.model.Student;
import io.github.bulklazy.benchmarks.model.Teacher;
import io.github.bulklazy.benchmarks.model.Team;
import io.github.bulklazy.benchmarks.model.enhanced.Club;
import io.github.bulklazy.benchmarks.model.enhanced.Member;
import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The data (10,000 students in 500 schools of 50 districts, 300 courses by 60 teachers, 3 courses
 * per student, 10,000 players in 500 teams, 10,000 accounts and their settings, 10,000 members of
 * 500 clubs (bytecode-enhanced), foreign keys indexed, statistics analyzed), seeded once per
 * database, and one entity manager factory per strategy, all counting their statements at the
 * JDBC level. A factory reaches its database directly or, for the latency benchmarks, through the
 * {@link LatencyProxy} of its latency: one proxy and one pool per database and latency.
 */
final class Factories {

	static final int STUDENTS = 10_000;

	/** {@code select 1} round trips timed in each step of a proxy's calibration, on each connection. */
	private static final int CALIBRATION_ROUND_TRIPS = 1000;

	/** {@code select 1} round trips on one connection before the other connection's turn. */
	private static final int ROUND_TRIP_BLOCK = 100;

	private static final Map<Route, HikariDataSource> dataSources = new HashMap<>();

	private static final Map<String, EntityManagerFactory> factories = new HashMap<>();

	private static final Map<Route, LatencyProxy> proxies = new HashMap<>();

	private static final Set<Database> seeded = new HashSet<>();

	private Factories() {
	}

	/**
	 * The factory of a strategy, its connections delayed by {@code latencyMicros} per round trip
	 * (0: direct). The schema and the data are created by the first direct factory of the database.
	 */
	static synchronized EntityManagerFactory of(Database database, Strategy strategy, Integer chunkSize, int latencyMicros) {
		String key = database + "/" + strategy + "/" + chunkSize + "/" + latencyMicros;
		EntityManagerFactory factory = factories.get(key);
		if (factory == null) {
			if (latencyMicros > 0 && !seeded.contains(database)) {
				// the schema is created and the data seeded without the delay
				of(database, Strategy.PLAIN, null, 0);
			}
			boolean seeding = seeded.add(database);
			factory = create(dataSource(new Route(database, latencyMicros)), strategy.properties,
					strategy.settings(chunkSize), seeding);
			if (seeding) {
				seed(database);
			}
			factories.put(key, factory);
		}
		return factory;
	}

	/**
	 * The mean time of a {@code select 1} round trip directly and through the proxy of a delayed
	 * route, {@code count} of each after as many to warm up, timed in alternating blocks so that the
	 * state of the machine weighs on both alike.
	 */
	static synchronized RoundTrip roundTrip(Database database, int latencyMicros, int count) {
		try (Connection direct = dataSource(new Route(database, 0)).getConnection();
				Connection delayed = dataSource(new Route(database, latencyMicros)).getConnection();
				PreparedStatement directSelect = direct.prepareStatement("select 1");
				PreparedStatement delayedSelect = delayed.prepareStatement("select 1")) {
			long directNanos = 0;
			long delayedNanos = 0;
			for (int block = -1; block < count / ROUND_TRIP_BLOCK; block++) {
				long directBlock = timeBlock(directSelect);
				long delayedBlock = timeBlock(delayedSelect);
				if (block >= 0) {
					directNanos += directBlock;
					delayedNanos += delayedBlock;
				}
			}
			int timed = count / ROUND_TRIP_BLOCK * ROUND_TRIP_BLOCK;
			return new RoundTrip(directNanos / 1e6 / timed, delayedNanos / 1e6 / timed);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not time a round trip to " + database, ex);
		}
	}

	private static long timeBlock(PreparedStatement select) throws SQLException {
		long start = System.nanoTime();
		for (int i = 0; i < ROUND_TRIP_BLOCK; i++) {
			try (ResultSet result = select.executeQuery()) {
				result.next();
			}
		}
		return System.nanoTime() - start;
	}

	/** The delay of the client's data that gives a delayed route its added round trip, once calibrated. */
	static synchronized long proxyDelayMicros(Database database, int latencyMicros) {
		dataSource(new Route(database, latencyMicros));
		return proxies.get(new Route(database, latencyMicros)).delayMicros();
	}

	/** Runs one operation in its own session and transaction, rolled back. */
	static long operation(EntityManagerFactory factory, Workload workload, int n, boolean handWritten) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			long checksum = workload.run(entityManager, n, handWritten);
			entityManager.getTransaction().rollback();
			return checksum;
		}
		finally {
			entityManager.close();
		}
	}

	/** The pool of a route, through a proxy of its own, calibrated, if the route is delayed. */
	private static HikariDataSource dataSource(Route route) {
		HikariDataSource dataSource = dataSources.get(route);
		if (dataSource == null) {
			LatencyProxy proxy = null;
			dataSource = new HikariDataSource();
			if (route.latencyMicros > 0) {
				if (!route.database.overNetwork()) {
					throw new IllegalArgumentException(route.database + " runs in memory: there is no network to delay");
				}
				proxy = LatencyProxy.start(route.database.address(), route.latencyMicros);
				proxies.put(route, proxy);
				Runtime.getRuntime().addShutdownHook(new Thread(proxy::close));
				dataSource.setJdbcUrl(route.database.urlThrough(proxy.port()));
			}
			else {
				dataSource.setJdbcUrl(route.database.url);
			}
			dataSource.setUsername(route.database.username);
			dataSource.setPassword(route.database.password);
			dataSource.setMaximumPoolSize(2);
			dataSources.put(route, dataSource);
			if (proxy != null) {
				calibrate(proxy, route);
			}
		}
		return dataSource;
	}

	/**
	 * Sets the proxy's delay so that a round trip through it takes {@code latencyMicros} longer than
	 * directly: its two extra hops and the wake-ups of its threads from idle add about 0.1 ms to
	 * the delay, which is measured with {@code select 1} and taken off the delay, in two steps.
	 */
	private static void calibrate(LatencyProxy proxy, Route route) {
		for (int step = 0; step < 2; step++) {
			double added = roundTrip(route.database, route.latencyMicros, CALIBRATION_ROUND_TRIPS).addedMillis();
			long excessMicros = Math.round(added * 1000) - route.latencyMicros;
			proxy.delayMicros(Math.max(0, proxy.delayMicros() - excessMicros));
		}
	}

	private static EntityManagerFactory create(HikariDataSource dataSource, Map<String, Object> properties,
			BulkLazySettings settings, boolean createSchema) {
		HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("benchmarks")
			.managedClasses(List.of(District.class, School.class, Teacher.class, Course.class, Student.class,
					Team.class, Player.class, Account.class, Settings.class, Club.class, Member.class))
			.property("jakarta.persistence.nonJtaDataSource", dataSource)
			.property("hibernate.cache.use_second_level_cache", false)
			.property("jakarta.persistence.schema-generation.database.action", createSchema ? "drop-and-create" : "none");
		properties.forEach(configuration::property);
		if (settings != null) {
			configuration.property("hibernate.integrator_provider", BulkLazyIntegratorProvider.including(null,
					new BulkLazyIntegrator(settings, new BulkLazyPlans(), null)));
		}
		return configuration.createEntityManagerFactory();
	}

	private static void seed(Database database) {
		try (Connection connection = dataSource(new Route(database, 0)).getConnection()) {
			connection.setAutoCommit(false);
			insert(connection, "insert into bench_district (id, name) values (?, ?)", 50, (id) -> new Object[] { id, "District " + id });
			insert(connection, "insert into bench_teacher (id, name) values (?, ?)", 60, (id) -> new Object[] { id, "Teacher " + id });
			insert(connection, "insert into bench_school (id, name, district_id) values (?, ?, ?)", 500,
					(id) -> new Object[] { id, "School " + id, (id - 1) % 50 + 1 });
			insert(connection, "insert into bench_course (id, title, teacher_id) values (?, ?, ?)", 300,
					(id) -> new Object[] { id, "Course " + id, (id - 1) % 60 + 1 });
			insert(connection, "insert into bench_student (id, name, school_id) values (?, ?, ?)", STUDENTS,
					(id) -> new Object[] { id, "Student " + id, (id - 1) % 500 + 1 });
			insert(connection, "insert into bench_enrollment (student_id, course_id) values (?, ?)", STUDENTS * 3,
					(row) -> new Object[] { (row - 1) / 3 + 1, ((row - 1) / 3 * 7 + (row - 1) % 3 * 101) % 300 + 1 });
			insert(connection, "insert into bench_team (id, name) values (?, ?)", 500, (id) -> new Object[] { id, "Team " + id });
			insert(connection, "insert into bench_player (id, name, team_id) values (?, ?, ?)", STUDENTS,
					(id) -> new Object[] { id, "Player " + id, (id - 1) % 500 + 1 });
			insert(connection, "insert into bench_account (id, name) values (?, ?)", STUDENTS,
					(id) -> new Object[] { id, "Account " + id });
			// every tenth account has no settings
			insert(connection, "insert into bench_settings (id, theme, account_id) values (?, ?, ?)", STUDENTS,
					(id) -> new Object[] { id, "Theme " + id % 7, (id % 10 == 0) ? null : id });
			insert(connection, "insert into bench_club (id, name) values (?, ?)", 500, (id) -> new Object[] { id, "Club " + id });
			insert(connection, "insert into bench_member (id, name, club_id) values (?, ?, ?)", STUDENTS,
					(id) -> new Object[] { id, "Member " + id, (id - 1) % 500 + 1 });
			connection.commit();
			if (database != Database.H2) {
				connection.setAutoCommit(true);
				connection.createStatement().execute((database == Database.POSTGRESQL) ? "analyze"
						: "analyze table bench_district, bench_teacher, bench_school, bench_course, bench_student, bench_enrollment, "
								+ "bench_team, bench_player, bench_account, bench_settings, bench_club, bench_member");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not seed " + database, ex);
		}
	}

	private static void insert(Connection connection, String sql, int rows, java.util.function.LongFunction<Object[]> row)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (long id = 1; id <= rows; id++) {
				Object[] values = row.apply(id);
				for (int i = 0; i < values.length; i++) {
					statement.setObject(i + 1, values[i]);
				}
				statement.addBatch();
				if (id % 1000 == 0) {
					statement.executeBatch();
				}
			}
			statement.executeBatch();
		}
	}

	/** The mean time of a round trip directly and through a proxy, in milliseconds. */
	record RoundTrip(double directMillis, double delayedMillis) {

		double addedMillis() {
			return this.delayedMillis - this.directMillis;
		}

	}

	/** A database reached directly ({@code latencyMicros} 0) or through a delaying proxy. */
	private record Route(Database database, int latencyMicros) {
	}

}
