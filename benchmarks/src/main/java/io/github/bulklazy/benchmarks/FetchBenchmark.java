package io.github.bulklazy.benchmarks;

import jakarta.persistence.EntityManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** One operation of a workload with a strategy: a session, a query, a walk, a rollback. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FetchBenchmark {

	@Param({ "H2", "POSTGRESQL" })
	public Database database;

	@Param({ "TO_ONE", "ONE_TO_MANY", "MANY_TO_MANY", "DEPTH_3", "AFTER_FLUSH", "EAGER_TO_ONE", "INVERSE_ONE_TO_ONE",
			"FEW_OF_MANY", "PRELOADED" })
	public Workload workload;

	@Param({ "PLAIN", "BATCH_16", "BATCH_256", "SUBSELECT", "HAND_WRITTEN", "BULK_LAZY", "BULK_LAZY_BY_QUERY" })
	public Strategy strategy;

	@Param({ "10", "100", "1000", "10000" })
	public int n;

	/** Keys per bulk statement; 0 for bulk-lazy's default. */
	@Param("0")
	public int chunkSize;

	/**
	 * Microseconds added to each round trip to the database by a delaying proxy on loopback; 0 for
	 * none. Only for a database reached over TCP.
	 */
	@Param("0")
	public int latency;

	private EntityManagerFactory factory;

	@Setup(Level.Trial)
	public void setUp() {
		this.factory = Factories.of(this.database, this.strategy, (this.chunkSize > 0) ? this.chunkSize : null,
				this.latency);
	}

	@Benchmark
	public long operation() {
		return Factories.operation(this.factory, this.workload, this.n, this.strategy.handWritten);
	}

}
