package io.github.bulklazy.hibernate.planning;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;

/**
 * Default number of keys per bulk statement, chosen per dialect from the chunk-size curve in
 * {@code benchmarks/RESULTS.md} (10,000 proxies or collections, chunks of 64 to 4,096 keys).
 * <p>
 * On PostgreSQL and MariaDB the time was flat from about 256 keys on, so {@value #DEFAULT} keeps the
 * fewest statements at no cost. H2 evaluates a long IN list more slowly than linearly (fastest at
 * 64 keys, 11x slower at 4,096): {@value #H2} balances its time and statements. Every default is
 * lowered to the dialect's limit on parameters and IN-list elements (Oracle 1,000, SQL Server 2,100).
 */
public final class ChunkSizes {

	static final int DEFAULT = 1024;

	static final int H2 = 256;

	private ChunkSizes() {
	}

	/** The default for the dialect. */
	public static int defaultFor(Dialect dialect) {
		return capped((dialect instanceof H2Dialect) ? H2 : DEFAULT, dialect);
	}

	/**
	 * Keys per statement for keys of several columns: a composite key takes one placeholder per
	 * column in a row-value IN list, so the placeholders of a statement stay within the chunk size.
	 */
	public static int perKey(int chunkSize, int columns) {
		return Math.max(1, chunkSize / Math.max(1, columns));
	}

	/** The requested size, lowered to what the dialect accepts in one IN list. */
	public static int capped(int requested, Dialect dialect) {
		int size = requested;
		for (int limit : new int[] { dialect.getParameterCountLimit(), dialect.getInExpressionCountLimit() }) {
			if (limit > 0) {
				size = Math.min(size, limit);
			}
		}
		return size;
	}

}
