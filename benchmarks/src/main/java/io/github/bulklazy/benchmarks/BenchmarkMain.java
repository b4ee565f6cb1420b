package io.github.bulklazy.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.bulklazy.test.Recording;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints the result tables: statements per operation (counted at the JDBC
 * level in a separate pass), time per operation with JMH's error, bytes allocated per operation,
 * and the ratios against the hand-written fetch join and against N+1.
 * <p>
 * {@code quick}: N = 100 and 1,000, short iterations (about 7 minutes on 2 cores). {@code full}: N =
 * 10 to 10,000, longer iterations. Both run on H2 and PostgreSQL and add the chunk-size curve at
 * N = 10,000 on H2, PostgreSQL and MariaDB. Every cell runs in this one JVM, so the strategies share
 * data, warm-up and machine state. Workload names after the mode run only those workloads, without
 * the chunk-size curve. {@code startup} runs the {@link StartupBenchmark} instead.
 */
public final class BenchmarkMain {

	private static final List<String> CHUNK_SIZES = List.of("64", "256", "1024", "4096");

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
		if (args.length > 0 && args[0].equals("startup")) {
			StartupBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		boolean full = args.length > 0 && args[0].equals("full");
		String[] ns = full ? new String[] { "10", "100", "1000", "10000" } : new String[] { "100", "1000" };
		ChainedOptionsBuilder main = options(full).param("n", ns).param("chunkSize", "0");
		if (args.length > 1) {
			// only the workloads named, without the chunk-size curve
			main.param("workload", Arrays.copyOfRange(args, 1, args.length));
		}
		Collection<RunResult> cells = new ArrayList<>(run(main));
		Collection<RunResult> chunks = (args.length > 1) ? List.of() : run(options(full).param("n", "10000")
			.param("database", "H2", "POSTGRESQL", "MARIADB")
			.param("strategy", "BULK_LAZY")
			.param("workload", "TO_ONE", "ONE_TO_MANY", "MANY_TO_MANY")
			.param("chunkSize", CHUNK_SIZES.toArray(String[]::new)));
		StringBuilder report = new StringBuilder();
		report.append(String.format("# bulk-lazy benchmarks (%s mode)%n%n", full ? "full" : "quick"));
		report.append(String.format("Java %s, %d cores%n%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors()));
		appendCells(report, cells);
		if (!chunks.isEmpty()) {
			appendChunkCurve(report, chunks);
		}
		Path file = Path.of("benchmarks", "target", "results-" + (full ? "full" : "quick") + ".md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		System.out.println(report);
		System.out.println("Written to " + file.toAbsolutePath());
	}

	private static ChainedOptionsBuilder options(boolean full) {
		return new OptionsBuilder().include(FetchBenchmark.class.getSimpleName())
			.forks(0)
			.warmupIterations(full ? 2 : 1)
			.warmupTime(TimeValue.milliseconds(full ? 1000 : 400))
			.measurementIterations(full ? 5 : 3)
			.measurementTime(TimeValue.milliseconds(full ? 1000 : 400))
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true);
	}

	private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
		return new Runner(options.build()).run();
	}

	private static void appendCells(StringBuilder report, Collection<RunResult> results) {
		Map<String, List<Cell>> tables = new LinkedHashMap<>();
		for (RunResult result : results) {
			Cell cell = Cell.of(result);
			tables.computeIfAbsent(cell.database + " / " + cell.workload, (key) -> new ArrayList<>()).add(cell);
		}
		tables.forEach((title, cells) -> {
			report.append("## ").append(title).append("\n\n");
			report.append("| N | strategy | statements | ms/op | ± | KB/op | vs hand-written | N+1 ÷ this |\n");
			report.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
			cells.sort((a, b) -> (a.n != b.n) ? Integer.compare(a.n, b.n) : a.strategy.compareTo(b.strategy));
			for (Cell cell : cells) {
				Cell hand = find(cells, cell.n, Strategy.HAND_WRITTEN);
				Cell plain = find(cells, cell.n, Strategy.PLAIN);
				report.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.3f | %.3f | %,.0f | %.2f | %.1f |%n", cell.n,
						cell.strategy, cell.statements, cell.millis, cell.error, cell.bytes / 1024, cell.millis / hand.millis,
						plain.millis / cell.millis));
			}
			report.append('\n');
			appendVerdicts(report, cells);
		});
	}

	/** bulk-lazy against the best of the hand-written plan and Hibernate's batch sizes, and against N+1. */
	private static void appendVerdicts(StringBuilder report, List<Cell> cells) {
		cells.stream().filter((cell) -> cell.strategy == Strategy.BULK_LAZY && cell.n >= 100).forEach((bulk) -> {
			Cell best = cells.stream()
				.filter((cell) -> cell.n == bulk.n && List.of(Strategy.HAND_WRITTEN, Strategy.BATCH_16, Strategy.BATCH_256)
					.contains(cell.strategy))
				.min((a, b) -> Double.compare(a.millis, b.millis))
				.orElseThrow();
			Cell plain = find(cells, bulk.n, Strategy.PLAIN);
			double capture = (plain.millis / bulk.millis) / (plain.millis / best.millis);
			report.append(String.format(Locale.ROOT,
					"- N = %,d: bulk-lazy %.2fx the best tuned plan (%s)%s; it captures %.0f%% of the gain over N+1.%n",
					bulk.n, bulk.millis / best.millis, best.strategy, (bulk.millis <= best.millis * 1.10) ? "" : " (above 1.10x)",
					capture * 100));
		});
		report.append('\n');
	}

	private static void appendChunkCurve(StringBuilder report, Collection<RunResult> results) {
		report.append("## Chunk size at N = 10,000 (bulk-lazy)\n\n");
		report.append("| database | workload | chunk size | statements | ms/op | ± | KB/op |\n");
		report.append("|---|---|---:|---:|---:|---:|---:|\n");
		results.stream().map(Cell::of).forEach((cell) -> report.append(String.format(Locale.ROOT,
				"| %s | %s | %,d | %d | %.3f | %.3f | %,.0f |%n", cell.database, cell.workload, cell.chunkSize,
				cell.statements, cell.millis, cell.error, cell.bytes / 1024)));
		report.append('\n');
	}

	private static Cell find(List<Cell> cells, int n, Strategy strategy) {
		return cells.stream().filter((cell) -> cell.n == n && cell.strategy == strategy).findFirst().orElseThrow();
	}

	/** One measured cell, with its statement count from a counting run. */
	private record Cell(Database database, Workload workload, Strategy strategy, int n, int chunkSize, int statements,
			double millis, double error, double bytes) {

		static Cell of(RunResult result) {
			var params = result.getParams();
			Database database = Database.valueOf(params.getParam("database"));
			Workload workload = Workload.valueOf(params.getParam("workload"));
			Strategy strategy = Strategy.valueOf(params.getParam("strategy"));
			int n = Integer.parseInt(params.getParam("n"));
			int chunkSize = Integer.parseInt(params.getParam("chunkSize"));
			Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
			return new Cell(database, workload, strategy, n, chunkSize,
					statements(database, workload, strategy, n, chunkSize), result.getPrimaryResult().getScore(),
					result.getPrimaryResult().getScoreError(), (alloc != null) ? alloc.getScore() : Double.NaN);
		}

		private static int statements(Database database, Workload workload, Strategy strategy, int n, int chunkSize) {
			var factory = Factories.of(database, strategy, (chunkSize > 0) ? chunkSize : null);
			try (Recording recording = Recording.start()) {
				Factories.operation(factory, workload, n, strategy.handWritten);
				return recording.statements().size();
			}
		}

	}

}
