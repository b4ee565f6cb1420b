package io.github.bulklazy.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bulklazy.differential.ProgramRun.Trace;
import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.hibernate.PeerScope;
import io.github.bulklazy.testsupport.StatementCounter;
import io.github.bulklazy.testsupport.TestDatabase;
import io.github.bulklazy.testsupport.TestPersistenceUnit;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs seeded random programs of ordinary JPA operations over seeded random data with four
 * factories: plain Hibernate, bulk-lazy, bulk-lazy with 2 keys per statement, and bulk-lazy taking
 * the peers of the same query only. Each run starts
 * from the same rows; what the programs observe and the rows they leave must be the same.
 *
 * <p>A difference fails the test with the seed, the program's number and the program shrunk to
 * the steps that still show it. {@code -Dbulklazy.random.seed} and
 * {@code -Dbulklazy.random.programs} run other or more programs.
 */
class RandomDifferentialTests {

	private static final long DEFAULT_SEED = 20_250_611L;

	private static final int DEFAULT_PROGRAMS = 400;

	private static final Map<TestDatabase, Factories> factoriesByDatabase = new ConcurrentHashMap<>();

	/** Loggers of each constraint violation and proxy narrowing the programs cause, silenced while they run. */
	private static final List<Logger> noisyLoggers = Stream.of("org.hibernate", "org.mariadb.jdbc")
		.map((name) -> (Logger) LoggerFactory.getLogger(name))
		.toList();

	private static final Map<Logger, Level> levels = new HashMap<>();

	@BeforeAll
	static void silenceNoisyLoggers() {
		noisyLoggers.forEach((logger) -> {
			levels.put(logger, logger.getLevel());
			logger.setLevel(Level.OFF);
		});
	}

	@AfterAll
	static void closeFactories() {
		factoriesByDatabase.values().forEach(Factories::close);
		factoriesByDatabase.clear();
		levels.forEach(Logger::setLevel);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void programsObserveAndWriteTheSameAsWithPlainHibernate(TestDatabase database) {
		database.assumeReachable();
		Factories factories = factoriesByDatabase.computeIfAbsent(database, Factories::new);
		long seed = Long.getLong("bulklazy.random.seed", DEFAULT_SEED);
		int programs = Integer.getInteger("bulklazy.random.programs", DEFAULT_PROGRAMS);
		for (int number = 0; number < programs; number++) {
			Random random = new Random(Objects.hash(seed, number));
			DataSet data = DataSet.generate(random);
			List<Step> program = ProgramGenerator.generate(random, data);
			Outcome plain = factories.run(factories.plain, data, program);
			for (Variant variant : factories.bulk) {
				if (!factories.run(variant, data, program).agreesWith(plain)) {
					List<Step> minimal = factories.shrink(variant, data, program);
					fail(report(database, seed, number, programs, data, program, minimal, variant,
							factories.run(factories.plain, data, minimal), factories.run(variant, data, minimal)));
				}
			}
		}
	}

	private static String report(TestDatabase database, long seed, int number, int programs, DataSet data,
			List<Step> program, List<Step> minimal, Variant variant, Outcome plain, Outcome bulk) {
		StringBuilder report = new StringBuilder();
		report.append(variant.name())
			.append(" differs from plain Hibernate on ")
			.append(database)
			.append(": seed ")
			.append(seed)
			.append(", program ")
			.append(number)
			.append(" (of ")
			.append(programs)
			.append("; rerun with -Dbulklazy.random.seed=")
			.append(seed)
			.append(" -Dbulklazy.random.programs=")
			.append(number + 1)
			.append(")\n\nMinimal program (")
			.append(minimal.size())
			.append(" of ")
			.append(program.size())
			.append(" steps) and what each step observed:\n");
		List<String> plainTrace = plain.trace().trace();
		List<String> bulkTrace = bulk.trace().trace();
		for (int i = 0; i < Math.max(plainTrace.size(), bulkTrace.size()); i++) {
			String plainEntry = (i < plainTrace.size()) ? plainTrace.get(i) : "-";
			String bulkEntry = (i < bulkTrace.size()) ? bulkTrace.get(i) : "-";
			report.append(String.format("%3d. %s%n", i + 1, (i < minimal.size()) ? minimal.get(i) : "(end)"));
			report.append(String.format("       plain Hibernate: %s%n", plainEntry));
			report.append(String.format("     %s %s: %s%n", plainEntry.equals(bulkEntry) ? " " : "≠", variant.name(),
					bulkEntry));
		}
		appendStateDifference(report, plain.state(), bulk.state(), variant);
		appendLines(report, "Exceptions with plain Hibernate", plain.trace().exceptions());
		appendLines(report, "Exceptions with " + variant.name(), bulk.trace().exceptions());
		appendLines(report, "Statements of plain Hibernate", plain.statements());
		appendLines(report, "Statements of " + variant.name(), bulk.statements());
		report.append("\nData set:\n").append(data.describe()).append('\n');
		return report.toString();
	}

	private static void appendStateDifference(StringBuilder report, List<String> plain, List<String> bulk,
			Variant variant) {
		if (plain.equals(bulk)) {
			report.append("\nThe database states are the same.\n");
			return;
		}
		appendRowsOnlyIn(report, "plain Hibernate", plain, bulk);
		appendRowsOnlyIn(report, variant.name(), bulk, plain);
	}

	private static void appendRowsOnlyIn(StringBuilder report, String name, List<String> rows, List<String> others) {
		List<String> only = rows.stream().filter((row) -> !others.contains(row)).toList();
		report.append("\nRows only with ").append(name).append(":\n");
		(only.isEmpty() ? List.of("(none)") : only).forEach((row) -> report.append("  ").append(row).append('\n'));
	}

	private static void appendLines(StringBuilder report, String title, List<String> lines) {
		if (!lines.isEmpty()) {
			report.append('\n').append(title).append(":\n");
			lines.forEach((line) -> report.append("  ").append(line).append('\n'));
		}
	}

	/**
	 * A factory under test.
	 * @param name how a report calls it
	 * @param factory the factory
	 */
	private record Variant(String name, EntityManagerFactory factory) {
	}

	/**
	 * What one run of a program left.
	 * @param trace what the program observed
	 * @param state the rows of the database afterwards
	 * @param unchanged whether those rows are the ones the program started from
	 * @param statements the SQL the program executed, for a report
	 */
	private record Outcome(Trace trace, List<String> state, boolean unchanged, List<String> statements) {

		/**
		 * Whether this run observed and wrote what plain Hibernate's did, or stopped safely: a bulk
		 * load that fails, possibly on a peer plain Hibernate never loads (a proxy of the wrong
		 * subclass in the session, say), fails the read that triggered it and marks the transaction
		 * rollback-only. Such a run must agree with plain Hibernate up to that read, fail there, and
		 * write nothing.
		 */
		boolean agreesWith(Outcome plain) {
			List<String> steps = this.trace.trace();
			if (steps.equals(plain.trace.trace())) {
				return this.state.equals(plain.state);
			}
			int stop = steps.indexOf("(not run)");
			int failed = ((stop >= 0) ? stop : steps.size() - 1) - 1;
			return this.unchanged && steps.get(steps.size() - 1).equals("rollback-only") && failed >= 0
					&& steps.get(failed).startsWith("!")
					&& steps.subList(0, failed).equals(plain.trace.trace().subList(0, failed));
		}

	}

	/** The four factories of a database, over one data source, built once per database. */
	private static final class Factories {

		private final HikariDataSource dataSource = new HikariDataSource();

		private final StatementCounter counter = new StatementCounter();

		private final Variant plain;

		private final List<Variant> bulk;

		Factories(TestDatabase database) {
			this.dataSource.setJdbcUrl(database.url());
			this.dataSource.setUsername(database.username());
			this.dataSource.setPassword(database.password());
			this.dataSource.setMaximumPoolSize(4);
			this.plain = new Variant("plain Hibernate", factory(null, true));
			this.bulk = List.of(new Variant("bulk-lazy", factory(BulkLazySettings.defaults(), false)),
					new Variant("bulk-lazy with chunk size 2",
							factory(new BulkLazySettings(List.of(), List.of(), 2), false)),
					new Variant("bulk-lazy with peers of the same query",
							factory(BulkLazySettings.defaults().withScope(PeerScope.QUERY), false)));
		}

		private EntityManagerFactory factory(BulkLazySettings settings, boolean createSchema) {
			Map<String, Object> configuration = new HashMap<>();
			configuration.put("jakarta.persistence.nonJtaDataSource", this.counter.wrap(this.dataSource));
			configuration.put("hibernate.cache.use_second_level_cache", false);
			// a cached plan outlives its program, and Hibernate 7.4 reuses the plan of a query run with
			// setMaxResults for the same query without, dropping a discriminator restriction
			configuration.put("hibernate.query.plan_cache_enabled", false);
			if (createSchema) {
				configuration.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
			}
			if (settings != null) {
				configuration.put("hibernate.integrator_provider", BulkLazyIntegratorProvider.including(null,
						new BulkLazyIntegrator(settings, new BulkLazyPlans(), null)));
			}
			return TestPersistenceUnit.createEntityManagerFactory("random-differential",
					Stream.concat(Model.ENTITIES.stream(), Model.VALUE_ENTITIES.stream()).toList(), configuration);
		}

		/** Runs a program on the data set's rows and reads the rows it leaves. */
		Outcome run(Variant variant, DataSet data, List<Step> program) {
			data.writeTo(this.dataSource);
			List<String> initial = DataSet.readState(this.dataSource);
			this.counter.reset();
			Trace trace = ProgramRun.run(variant.factory(), program);
			List<String> statements = this.counter.statements();
			List<String> state = DataSet.readState(this.dataSource);
			return new Outcome(trace, state, state.equals(initial), statements);
		}

		/** Removes steps one at a time, as long as the variant still differs from plain Hibernate. */
		List<Step> shrink(Variant variant, DataSet data, List<Step> program) {
			List<Step> current = program;
			boolean shrunk = true;
			while (shrunk) {
				shrunk = false;
				for (int i = current.size() - 1; i >= 0; i--) {
					List<Step> candidate = new ArrayList<>(current);
					candidate.remove(i);
					if (!run(variant, data, candidate).agreesWith(run(this.plain, data, candidate))) {
						current = candidate;
						shrunk = true;
					}
				}
			}
			return current;
		}

		void close() {
			this.bulk.forEach((variant) -> variant.factory().close());
			this.plain.factory().close();
			this.dataSource.close();
		}

	}

}
