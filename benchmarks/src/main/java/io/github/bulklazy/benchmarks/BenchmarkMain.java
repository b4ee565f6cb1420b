package io.github.bulklazy.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

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
 * and the ratios against the hand-written fetch join and against N+1; and writes the charts (SVG).
 * <p>
 * Modes: {@code quick}: PostgreSQL at N = 1,000, and bulk-lazy's ratios to the tuned plans measured
 * in alternation ({@link PairedComparison}), which tell a 1.10x ratio apart. {@code full}: H2 and
 * PostgreSQL at N = 10 to 10,000, the paired ratios, the chunk-size curve at N = 10,000 on H2,
 * PostgreSQL and MariaDB, and the latency section at N = 100 and 1,000. {@code latency}: the latency
 * section alone at N = 1,000: PostgreSQL directly and behind a {@link LatencyProxy} adding 0.5 and
 * 1 ms to each round trip. {@code chunks}: the chunk-size curve alone. Workload names after
 * {@code quick} or {@code full} run only the side-by-side tables and paired ratios of those
 * workloads; after {@code latency}, the latency section of those workloads. {@code startup} runs
 * the {@link StartupBenchmark} instead. Every cell runs in this one JVM, so the strategies share
 * data, warm-up and machine state.
 */
public final class BenchmarkMain {

	private static final List<String> MODES = List.of("quick", "full", "latency", "chunks");

	private static final String[] CHUNK_SIZES = { "64", "256", "1024", "4096" };

	/** Microseconds added to each round trip in the latency section, 0 for the direct connection. */
	private static final String[] LATENCIES = { "0", "500", "1000" };

	private static final String[] LATENCY_WORKLOADS = { "TO_ONE", "MANY_TO_MANY", "DEPTH_3", "FEW_OF_MANY" };

	private static final String[] LATENCY_STRATEGIES = { "PLAIN", "BATCH_16", "BATCH_256", "HAND_WRITTEN", "BULK_LAZY" };

	private static final String[] PAIRED_WORKLOADS = { "TO_ONE", "ONE_TO_MANY", "MANY_TO_MANY", "DEPTH_3", "AFTER_FLUSH",
			"PRELOADED" };

	/** The plans bulk-lazy is compared with in alternation. */
	private static final List<Strategy> TUNED = List.of(Strategy.HAND_WRITTEN, Strategy.BATCH_256, Strategy.BATCH_16);

	/** The ratio to the best tuned plan that bulk-lazy is to stay within. */
	private static final double TARGET_RATIO = 1.10;

	/** {@code select 1} round trips timed to state the latency the proxy adds. */
	private static final int ROUND_TRIPS = 1000;

	private static final Path TARGET = Path.of("benchmarks", "target");

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
		String mode = (args.length > 0) ? args[0] : "quick";
		if (mode.equals("startup")) {
			StartupBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		String[] workloads = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		if (!MODES.contains(mode)) {
			throw new IllegalArgumentException("Unknown mode '" + mode + "': quick, full, latency, chunks or startup");
		}
		boolean full = mode.equals("full");
		Report report = new Report(mode);
		report.text.append(String.format("# bulk-lazy benchmarks (%s mode)%n%n", mode));
		report.text.append(String.format("Java %s, %d cores%n%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors()));
		if (full || mode.equals("quick")) {
			appendTables(report, full, workloads);
			appendPaired(report.text, (workloads.length > 0) ? workloads : PAIRED_WORKLOADS);
		}
		if ((full && workloads.length == 0) || mode.equals("chunks")) {
			appendChunkCurve(report);
		}
		if ((full && workloads.length == 0) || mode.equals("latency")) {
			appendLatency(report, full, (workloads.length > 0) ? workloads : LATENCY_WORKLOADS);
		}
		Path file = TARGET.resolve("results-" + mode + ".md");
		Files.createDirectories(TARGET);
		Files.writeString(file, report.text);
		System.out.println(report.text);
		System.out.println("Written to " + file.toAbsolutePath());
	}

	/** The side-by-side tables: every strategy of every workload, per database and N. */
	private static void appendTables(Report report, boolean full, String[] workloads) throws RunnerException, IOException {
		ChainedOptionsBuilder options = full ? options(2, 5, 1000).param("database", "H2", "POSTGRESQL")
			.param("n", "10", "100", "1000", "10000")
				: options(1, 10, 500).param("database", "POSTGRESQL").param("n", "1000");
		if (workloads.length > 0) {
			options.param("workload", workloads);
		}
		report.text.append("## Side by side\n\n");
		Map<String, List<Cell>> tables = appendCells(report.text, run(options.param("chunkSize", "0")),
				(cell) -> cell.database + " / " + cell.workload, BenchmarkMain::appendVerdicts);
		for (List<Cell> cells : tables.values()) {
			Cell first = cells.get(0);
			LineChart chart = new LineChart(first.database + " / " + first.workload + ": time against N", "N", true,
					"ms per operation");
			cells.forEach((cell) -> chart.add(cell.strategy.name(), cell.n, cell.millis, cell.error));
			report.chart("n-" + first.database + "-" + first.workload, chart);
		}
	}

	/**
	 * bulk-lazy against the tuned plans on PostgreSQL at N = 1,000, measured in alternation (see
	 * {@link PairedComparison}), and whether it is within 1.10x of the best of them.
	 */
	private static void appendPaired(StringBuilder report, String[] workloads) {
		report.append("## Paired: bulk-lazy ÷ the tuned plans (PostgreSQL, N = 1,000)\n\n");
		report.append(String.format(Locale.ROOT, "%d rounds after %d to warm up; each round runs every strategy for %d ms, "
				+ "in an order that rotates from round to round. bulk-lazy's time ÷ the other's: geometric mean of the "
				+ "rounds and its 99.9%% confidence interval.%n%n", PairedComparison.ROUNDS, PairedComparison.WARMUP_ROUNDS,
				PairedComparison.SLICE_MILLIS));
		report.append("| workload |");
		TUNED.forEach((strategy) -> report.append(" ÷ ").append(strategy).append(" |"));
		report.append(" against the best, 1.10x |\n|---|");
		TUNED.forEach((strategy) -> report.append("---:|"));
		report.append("---|\n");
		for (String workload : workloads) {
			List<PairedComparison.Ratio> ratios = PairedComparison.measure(Database.POSTGRESQL, Workload.valueOf(workload),
					1000, TUNED);
			report.append("| ").append(workload).append(" |");
			ratios.forEach((ratio) -> report.append(String.format(Locale.ROOT, " %.3f (%.3f–%.3f) |", ratio.ratio(),
					ratio.low(), ratio.high())));
			PairedComparison.Ratio best = ratios.stream()
				.max(Comparator.comparingDouble(PairedComparison.Ratio::ratio))
				.orElseThrow();
			String verdict = (best.high() <= TARGET_RATIO) ? "within" : (best.low() > TARGET_RATIO) ? "above" : "undecided";
			report.append(String.format(Locale.ROOT, " %s (%s) |%n", verdict, best.other()));
		}
		report.append('\n');
	}

	/** bulk-lazy with chunk sizes 64 to 4,096 at N = 10,000 on H2, PostgreSQL and MariaDB. */
	private static void appendChunkCurve(Report report) throws RunnerException, IOException {
		List<Cell> cells = run(options(2, 5, 1000).param("n", "10000")
			.param("database", "H2", "POSTGRESQL", "MARIADB")
			.param("strategy", "BULK_LAZY")
			.param("workload", "TO_ONE", "ONE_TO_MANY", "MANY_TO_MANY")
			.param("chunkSize", CHUNK_SIZES));
		report.text.append("## Chunk size at N = 10,000 (bulk-lazy)\n\n");
		report.text.append("| database | workload | chunk size | statements | ms/op | ± | KB/op |\n");
		report.text.append("|---|---|---:|---:|---:|---:|---:|\n");
		cells.forEach((cell) -> report.text.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %.3f | %.3f | %,.0f |%n",
				cell.database, cell.workload, cell.chunkSize, cell.statements, cell.millis, cell.error, cell.bytes / 1024)));
		report.text.append('\n');
		for (Database database : Database.values()) {
			LineChart chart = new LineChart("Chunk size at N = 10,000, " + database + " (bulk-lazy)", "keys per statement",
					true, "ms per operation");
			cells.stream()
				.filter((cell) -> cell.database == database)
				.forEach((cell) -> chart.add(cell.workload.name(), cell.chunkSize, cell.millis, cell.error));
			report.chart("chunk-size-" + database, chart);
		}
	}

	/**
	 * The side-by-side tables on PostgreSQL directly and behind a proxy that adds 0.5 and 1 ms to each
	 * round trip, with the added round trip measured, and bulk-lazy's speed-up over N+1 and batch
	 * fetching at each.
	 */
	private static void appendLatency(Report report, boolean full, String[] workloads) throws RunnerException, IOException {
		StringBuilder text = report.text;
		text.append("## At network latency (PostgreSQL)\n\n");
		text.append("Before the cells: ").append(roundTrips()).append('\n');
		List<Cell> cells = run(options(1, 5, 1000).param("database", "POSTGRESQL")
			.param("workload", workloads)
			.param("strategy", LATENCY_STRATEGIES)
			.param("n", full ? new String[] { "100", "1000" } : new String[] { "1000" })
			.param("chunkSize", "0")
			.param("latency", LATENCIES));
		text.append("After the cells: ").append(roundTrips()).append("\n\n");
		text.append("| added round trip (ms) | workload | N | N+1 ÷ bulk-lazy | batch 16 ÷ bulk-lazy | batch 256 ÷ bulk-lazy "
				+ "| bulk-lazy ÷ hand-written |\n");
		text.append("|---:|---|---:|---:|---:|---:|---:|\n");
		cells.stream()
			.filter((cell) -> cell.strategy == Strategy.BULK_LAZY)
			.sorted(Comparator.comparingInt(Cell::n).thenComparingInt(Cell::latency).thenComparing(Cell::workload))
			.forEach((bulk) -> {
				SpeedUp speedUp = SpeedUp.of(cells, bulk);
				text.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s |%n", latencyLabel(bulk.latency),
						bulk.workload, bulk.n, times(speedUp.overPlain), times(speedUp.overBatch16),
						times(speedUp.overBatch256), times(speedUp.ofHandWritten)));
			});
		text.append('\n');
		appendCells(text, cells,
				(cell) -> cell.database + " / " + cell.workload + ", " + latencyLabel(cell.latency) + " ms added to each round trip",
				(table, tableCells) -> {
					appendVerdicts(table, tableCells);
					tableCells.stream().filter((cell) -> cell.strategy == Strategy.BULK_LAZY).forEach((bulk) -> {
						SpeedUp speedUp = SpeedUp.of(tableCells, bulk);
						table.append(String.format(Locale.ROOT,
								"- N = %,d: bulk-lazy is %s faster than N+1, %s than batch 16, %s than batch 256 "
										+ "(%s the hand-written fetch join's time).%n",
								bulk.n, times(speedUp.overPlain), times(speedUp.overBatch16), times(speedUp.overBatch256),
								times(speedUp.ofHandWritten)));
					});
				});
		for (String workload : workloads) {
			for (int n : new TreeSet<>(cells.stream().map(Cell::n).toList())) {
				LineChart chart = new LineChart(workload + ", N = " + String.format(Locale.ROOT, "%,d", n)
						+ ", PostgreSQL: time against added round trip", "added round trip (ms)", false, "ms per operation");
				cells.stream()
					.filter((cell) -> cell.workload.name().equals(workload) && cell.n == n)
					.forEach((cell) -> chart.add(cell.strategy.name(), cell.latency / 1000.0, cell.millis, cell.error));
				report.chart("round-trip-" + workload + "-" + n, chart);
			}
		}
	}

	/** The mean round trip of a {@code select 1} through each proxy and directly, as a sentence. */
	private static String roundTrips() {
		StringBuilder sentence = new StringBuilder(String.format(Locale.ROOT,
				"round trip of a `select 1`, means of %,d through the proxy and directly, in alternating blocks", ROUND_TRIPS));
		for (String latency : LATENCIES) {
			int micros = Integer.parseInt(latency);
			if (micros > 0) {
				Factories.RoundTrip roundTrip = Factories.roundTrip(Database.POSTGRESQL, micros, ROUND_TRIPS);
				sentence.append(String.format(Locale.ROOT,
						"; adding %s ms: %.3f ms against %.3f ms (%+.3f ms measured; the proxy holds the requests for %s ms)",
						latencyLabel(micros), roundTrip.delayedMillis(), roundTrip.directMillis(), roundTrip.addedMillis(),
						latencyLabel((int) Factories.proxyDelayMicros(Database.POSTGRESQL, micros))));
			}
		}
		return sentence.append('.').toString();
	}

	private static ChainedOptionsBuilder options(int warmupIterations, int measurementIterations, int iterationMillis) {
		return new OptionsBuilder().include(FetchBenchmark.class.getSimpleName())
			.forks(0)
			.warmupIterations(warmupIterations)
			.warmupTime(TimeValue.milliseconds(iterationMillis))
			.measurementIterations(measurementIterations)
			.measurementTime(TimeValue.milliseconds(iterationMillis))
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true);
	}

	private static List<Cell> run(ChainedOptionsBuilder options) throws RunnerException {
		return new Runner(options.build()).run().stream().map(Cell::of).toList();
	}

	/**
	 * Appends one table per title, each followed by its notes, and returns the tables' cells by
	 * title.
	 */
	private static Map<String, List<Cell>> appendCells(StringBuilder report, Collection<Cell> results,
			Function<Cell, String> title, BiConsumer<StringBuilder, List<Cell>> notes) {
		Map<String, List<Cell>> tables = new LinkedHashMap<>();
		results.forEach((cell) -> tables.computeIfAbsent(title.apply(cell), (key) -> new ArrayList<>()).add(cell));
		tables.forEach((name, cells) -> {
			report.append("### ").append(name).append("\n\n");
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
			notes.accept(report, cells);
			report.append('\n');
		});
		return tables;
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
					bulk.n, bulk.millis / best.millis, best.strategy, (bulk.millis <= best.millis * TARGET_RATIO) ? "" : " (above 1.10x)",
					capture * 100));
		});
	}

	private static Cell find(List<Cell> cells, int n, Strategy strategy) {
		return cells.stream().filter((cell) -> cell.n == n && cell.strategy == strategy).findFirst().orElseThrow();
	}

	/** Microseconds as milliseconds, without trailing zeros. */
	private static String latencyLabel(int micros) {
		return BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
	}

	/** A ratio: two decimals below 10, one from 10. */
	private static String times(double ratio) {
		return String.format(Locale.ROOT, (ratio < 10) ? "%.2fx" : "%.1fx", ratio);
	}

	/** The markdown report of a mode, and its charts, written next to it. */
	private record Report(String mode, StringBuilder text) {

		Report(String mode) {
			this(mode, new StringBuilder());
		}

		/** Writes the chart, if it has lines, and links it from the report. */
		void chart(String name, LineChart chart) throws IOException {
			if (!chart.hasLines()) {
				return;
			}
			String file = this.mode + "-" + name.toLowerCase(Locale.ROOT).replace('_', '-') + ".svg";
			Files.createDirectories(TARGET);
			Files.writeString(TARGET.resolve(file), chart.svg());
			this.text.append("![").append(name).append("](").append(file).append(")\n\n");
		}

	}

	/**
	 * bulk-lazy's speed-up over N+1 and batch fetching (their time divided by bulk-lazy's), and its
	 * time divided by the hand-written fetch join's, among the cells of one table.
	 */
	private record SpeedUp(double overPlain, double overBatch16, double overBatch256, double ofHandWritten) {

		static SpeedUp of(List<Cell> cells, Cell bulk) {
			Function<Strategy, Double> millis = (strategy) -> cells.stream()
				.filter((cell) -> cell.workload == bulk.workload && cell.n == bulk.n && cell.latency == bulk.latency
						&& cell.strategy == strategy)
				.findFirst()
				.orElseThrow()
				.millis();
			return new SpeedUp(millis.apply(Strategy.PLAIN) / bulk.millis, millis.apply(Strategy.BATCH_16) / bulk.millis,
					millis.apply(Strategy.BATCH_256) / bulk.millis, bulk.millis / millis.apply(Strategy.HAND_WRITTEN));
		}

	}

	/** One measured cell, with its statement count from a counting run. */
	private record Cell(Database database, Workload workload, Strategy strategy, int n, int chunkSize, int latency,
			int statements, double millis, double error, double bytes) {

		static Cell of(RunResult result) {
			var params = result.getParams();
			Database database = Database.valueOf(params.getParam("database"));
			Workload workload = Workload.valueOf(params.getParam("workload"));
			Strategy strategy = Strategy.valueOf(params.getParam("strategy"));
			int n = Integer.parseInt(params.getParam("n"));
			int chunkSize = Integer.parseInt(params.getParam("chunkSize"));
			int latency = Integer.parseInt(params.getParam("latency"));
			Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
			return new Cell(database, workload, strategy, n, chunkSize, latency,
					statements(database, workload, strategy, n, chunkSize, latency), result.getPrimaryResult().getScore(),
					result.getPrimaryResult().getScoreError(), (alloc != null) ? alloc.getScore() : Double.NaN);
		}

		private static int statements(Database database, Workload workload, Strategy strategy, int n, int chunkSize,
				int latency) {
			var factory = Factories.of(database, strategy, (chunkSize > 0) ? chunkSize : null, latency);
			try (Recording recording = Recording.start()) {
				Factories.operation(factory, workload, n, strategy.handWritten);
				return recording.statements().size();
			}
		}

	}

}
