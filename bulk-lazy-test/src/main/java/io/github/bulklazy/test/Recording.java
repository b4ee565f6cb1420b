package io.github.bulklazy.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.bulklazy.hibernate.RemainingNPlusOne;
import io.github.bulklazy.test.internal.Sink;
import io.github.bulklazy.test.internal.Sinks;

/**
 * What ran while a recording was open, on any thread: the statements of every Hibernate session
 * factory, counted at the JDBC level, and the remaining N+1 that bulk-lazy saw. Recordings that
 * overlap each record everything; tests that run in parallel share what they record.
 */
public final class Recording implements AutoCloseable {

	private final List<RecordedStatement> statements = new CopyOnWriteArrayList<>();

	private final List<RemainingNPlusOne> remainingNPlusOne = new CopyOnWriteArrayList<>();

	private final Sink sink = new Sink() {

		@Override
		public void statement(String sql, String callSite) {
			Recording.this.statements.add(new RecordedStatement(sql, callSite));
		}

		@Override
		public void remainingNPlusOne(RemainingNPlusOne remaining) {
			Recording.this.remainingNPlusOne.add(remaining);
		}

	};

	private Recording() {
		Sinks.add(this.sink);
	}

	/** Opens a recording, which records until it is {@linkplain #close() closed}. */
	public static Recording start() {
		return new Recording();
	}

	/**
	 * Records what a block runs.
	 * @throws Exception what the block throws
	 */
	public static Recording of(Block block) throws Exception {
		try (Recording recording = start()) {
			block.run();
			return recording;
		}
	}

	/** The statements so far, in the order they ran. */
	public List<RecordedStatement> statements() {
		return List.copyOf(this.statements);
	}

	/** The remaining N+1 so far: each one-key load of an association after the first in its session. */
	public List<RemainingNPlusOne> remainingNPlusOne() {
		return List.copyOf(this.remainingNPlusOne);
	}

	/** Stops recording; what was recorded stays readable. */
	@Override
	public void close() {
		Sinks.remove(this.sink);
	}

	/** A block of test code. */
	@FunctionalInterface
	public interface Block {

		void run() throws Exception;

	}

}
