package io.github.bulklazy.benchmarks;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.openjdk.jmh.util.ListStatistics;

/**
 * bulk-lazy's time divided by other strategies' times, measured in alternation on one workload.
 * Each round runs every strategy for the same slice of time, one after the other in an order that
 * rotates from round to round, so that what drifts during a run (the heap, the compiler, the
 * database, other processes) weighs on all of them alike, and each round yields one ratio per
 * other strategy: bulk-lazy's mean time in the round divided by the other's. The result is the
 * geometric mean of the rounds' ratios with its 99.9% confidence interval (Student's t over their
 * logarithms), which tells whether a ratio is below or above 1.10 where two separate JMH cells,
 * each with its own error, cannot.
 */
final class PairedComparison {

	static final int WARMUP_ROUNDS = 5;

	static final int ROUNDS = 20;

	static final int SLICE_MILLIS = 200;

	private PairedComparison() {
	}

	/** bulk-lazy against each of {@code others} on a workload at N, on the database directly. */
	static List<Ratio> measure(Database database, Workload workload, int n, List<Strategy> others) {
		List<Strategy> strategies = new ArrayList<>();
		strategies.add(Strategy.BULK_LAZY);
		strategies.addAll(others);
		List<EntityManagerFactory> factories = strategies.stream()
			.map((strategy) -> Factories.of(database, strategy, null, 0))
			.toList();
		int count = strategies.size();
		double[][] logRatios = new double[others.size()][ROUNDS];
		for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
			double[] millis = new double[count];
			for (int turn = 0; turn < count; turn++) {
				int index = Math.floorMod(turn + round, count);
				millis[index] = sliceMillis(factories.get(index), workload, n, strategies.get(index).handWritten);
			}
			for (int other = 0; round >= 0 && other < others.size(); other++) {
				logRatios[other][round] = Math.log(millis[0] / millis[other + 1]);
			}
		}
		List<Ratio> ratios = new ArrayList<>();
		for (int other = 0; other < others.size(); other++) {
			ListStatistics statistics = new ListStatistics(logRatios[other]);
			double[] interval = statistics.getConfidenceIntervalAt(0.999);
			ratios.add(new Ratio(others.get(other), Math.exp(statistics.getMean()), Math.exp(interval[0]),
					Math.exp(interval[1])));
		}
		return ratios;
	}

	/** The mean time of the operations that fit in one slice (at least one), in milliseconds. */
	private static double sliceMillis(EntityManagerFactory factory, Workload workload, int n, boolean handWritten) {
		long start = System.nanoTime();
		long end = start + SLICE_MILLIS * 1_000_000L;
		int operations = 0;
		long now;
		do {
			Factories.operation(factory, workload, n, handWritten);
			operations++;
			now = System.nanoTime();
		}
		while (now < end);
		return (now - start) / 1e6 / operations;
	}

	/** bulk-lazy's time divided by {@code other}'s, and the 99.9% confidence interval of the ratio. */
	record Ratio(Strategy other, double ratio, double low, double high) {
	}

}
