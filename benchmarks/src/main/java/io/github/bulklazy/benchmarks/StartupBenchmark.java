package io.github.bulklazy.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.bulklazy.hibernate.BulkLazyIntegratorProvider;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * What bulk-lazy adds to the start of a session factory on a large model: a generated model of
 * entities (each with a lazy to-one, the inverse collection, a many-to-many, and every tenth an
 * EAGER to-one), built with bulk-lazy on and off, each in a fresh JVM, alternating. Prints the
 * median build time and the median heap the built factory retains, per dialect: H2 and MariaDB
 * (IN lists) and PostgreSQL (array parameters). No database is reached: the factories are built
 * without JDBC metadata.
 * <p>
 * {@code startup [ENTITIES [RUNS]]}: 1,000 entities and 7 JVMs per side by default.
 */
final class StartupBenchmark {

	private static final List<String> DIALECTS = List.of(H2Dialect.class.getName(), MariaDBDialect.class.getName(),
			PostgreSQLDialect.class.getName());

	private StartupBenchmark() {
	}

	static void main(String[] args) throws IOException, InterruptedException {
		if (args.length > 0 && args[0].equals("child")) {
			child(args[1], Boolean.parseBoolean(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
			return;
		}
		int entities = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		Path model = generateModel(entities);
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "# Session factory start-up, %,d generated entities%n%n", entities));
		report.append(String.format(Locale.ROOT, "Java %s, %d cores, %d fresh JVMs per side, medians%n%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs));
		report.append("| dialect | chunk size | build ms, plain | build ms, bulk-lazy | ratio "
				+ "| retained MB, plain | retained MB, bulk-lazy | ratio |\n");
		report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (String dialect : DIALECTS) {
			List<long[]> plain = new ArrayList<>();
			List<long[]> bulkLazy = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				plain.add(runChild(dialect, false, entities, model));
				bulkLazy.add(runChild(dialect, true, entities, model));
			}
			long plainMillis = median(plain, 0);
			long bulkMillis = median(bulkLazy, 0);
			long plainBytes = median(plain, 1);
			long bulkBytes = median(bulkLazy, 1);
			report.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.3f | %.1f | %.1f | %.3f |%n",
					dialect.substring(dialect.lastIndexOf('.') + 1), (median(bulkLazy, 2) > 0) ? median(bulkLazy, 2) : "-",
					plainMillis, bulkMillis, (double) bulkMillis / plainMillis, plainBytes / 1e6, bulkBytes / 1e6,
					(double) bulkBytes / plainBytes));
		}
		Path file = Path.of("benchmarks", "target", "results-startup.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		System.out.println(report);
		System.out.println("Written to " + file.toAbsolutePath());
	}

	/** Builds one factory and prints its build time, the heap it retains and the chunk size. */
	private static void child(String dialect, boolean bulkLazy, int entities, Path model) throws IOException {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		List<Class<?>> classes = new ArrayList<>();
		for (int i = 0; i < entities; i++) {
			try {
				classes.add(Class.forName("gen.E" + i, true, loader));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("startup")
			.managedClasses(classes)
			.property("hibernate.dialect", dialect)
			.property("hibernate.boot.allow_jdbc_metadata_access", false)
			.property("hibernate.cache.use_second_level_cache", false);
		if (bulkLazy) {
			configuration.property("hibernate.integrator_provider", BulkLazyIntegratorProvider.class.getName());
		}
		long before = usedHeapAfterGc();
		long start = System.nanoTime();
		EntityManagerFactory factory = configuration.createEntityManagerFactory();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long retained = usedHeapAfterGc() - before;
		System.out.println("RESULT " + millis + " " + retained + " " + chunkSize(dialect, bulkLazy));
		factory.close();
	}

	private static long chunkSize(String dialect, boolean bulkLazy) {
		if (!bulkLazy) {
			return 0;
		}
		return dialect.equals(H2Dialect.class.getName()) ? 256 : 1024;
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long[] runChild(String dialect, boolean bulkLazy, int entities, Path model)
			throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("java.class.path") + File.pathSeparator + model;
		Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx4g", "-cp", classPath,
				BenchmarkMain.class.getName(), "startup", "child", dialect, Boolean.toString(bulkLazy),
				Integer.toString(entities), model.toString())
			.redirectErrorStream(true)
			.start();
		long[] result = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith("RESULT ")) {
					String[] fields = line.split(" ");
					result = new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[2]),
							Long.parseLong(fields[3]) };
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("the start-up run failed: " + dialect + ", bulk-lazy " + bulkLazy);
		}
		return result;
	}

	private static long median(List<long[]> results, int field) {
		long[] values = results.stream().mapToLong((result) -> result[field]).sorted().toArray();
		return values[values.length / 2];
	}

	/**
	 * Writes and compiles the model: entity {@code E<i>} holds a lazy to-one to the next entity, the
	 * inverse collection of the previous one's, a many-to-many to the entity three further, and
	 * every tenth an EAGER to-one to the entity seven further.
	 */
	private static Path generateModel(int entities) throws IOException {
		Path directory = Files.createTempDirectory("bulk-lazy-startup-model");
		Path sources = Files.createDirectories(directory.resolve("src/gen"));
		List<String> files = new ArrayList<>();
		for (int i = 0; i < entities; i++) {
			int next = (i + 1) % entities;
			int previous = (i + entities - 1) % entities;
			StringBuilder source = new StringBuilder();
			source.append("package gen;\n\nimport java.util.Set;\nimport jakarta.persistence.*;\n\n")
				.append("@Entity @Table(name = \"gen_e").append(i).append("\")\n")
				.append("public class E").append(i).append(" {\n")
				.append("  @Id Long id;\n  String name;\n  String code;\n  Integer rank;\n  java.time.LocalDate since;\n")
				.append("  @ManyToOne(fetch = FetchType.LAZY) E").append(next).append(" next;\n")
				.append("  @OneToMany(mappedBy = \"next\") Set<E").append(previous).append("> previous;\n")
				.append("  @ManyToMany @JoinTable(name = \"gen_l").append(i).append("\") Set<E")
				.append((i + 3) % entities).append("> links;\n");
			if (i % 10 == 0) {
				source.append("  @ManyToOne E").append((i + 7) % entities).append(" partner;\n");
			}
			source.append("}\n");
			Path file = sources.resolve("E" + i + ".java");
			Files.writeString(file, source);
			files.add(file.toString());
		}
		Path classes = Files.createDirectories(directory.resolve("classes"));
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path")));
		arguments.addAll(files);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
			throw new IllegalStateException("the generated model does not compile");
		}
		return classes;
	}

}
