package io.github.bulklazy.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;

/**
 * Default number of keys per bulk statement, chosen per dialect from the chunk-size curve in
 * {@code benchmarks/RESULTS.md} (10,000 proxies or collections, chunks of 64 to 4,096 keys).
 * <p>
 * On PostgreSQL and MariaDB fewer, larger statements win until about {@value #DEFAULT} keys, past
 * which the gain is small (and an IN list long). H2 evaluates a long IN list more slowly than linearly: many-to-many loads were
 * fastest at {@value #H2} keys. Every default is lowered to the dialect's limit on parameters and
 * IN-list elements (Oracle 1,000, SQL Server 2,100).
 */
final class ChunkSizes {

	static final int DEFAULT = 1024;

	static final int H2 = 256;

	private ChunkSizes() {
	}

	/** The default for the dialect. */
	static int defaultFor(Dialect dialect) {
		return capped((dialect instanceof H2Dialect) ? H2 : DEFAULT, dialect);
	}

	/** The requested size, lowered to what the dialect accepts in one IN list. */
	static int capped(int requested, Dialect dialect) {
		int size = requested;
		for (int limit : new int[] { dialect.getParameterCountLimit(), dialect.getInExpressionCountLimit() }) {
			if (limit > 0) {
				size = Math.min(size, limit);
			}
		}
		return size;
	}

}
