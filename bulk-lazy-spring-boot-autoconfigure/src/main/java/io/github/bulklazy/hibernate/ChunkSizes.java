package io.github.bulklazy.hibernate;

import org.hibernate.dialect.Dialect;

/**
 * Default number of keys per bulk statement, by how the dialect passes many keys, chosen from the
 * chunk-size curve in {@code benchmarks/RESULTS.md} (10,000 proxies or collections).
 * <p>
 * Where keys travel as one array parameter (PostgreSQL), a statement costs the same whatever its
 * size, but Hibernate de-duplicates the rows of one collection statement by a linear scan, so very
 * large chunks turn quadratic: many-to-many loads were fastest at {@value #ARRAY_PARAMETER} keys,
 * slower at 256 (more statements) and at 4,096 (the scan). Where keys travel as an IN list (H2,
 * MariaDB, MySQL and others), each key is a placeholder and the cost of a collection statement
 * grows faster than its keys: {@value #IN_LIST} keys, capped by the dialect's limit on parameters
 * and IN-list elements (Oracle 1,000, SQL Server 2,100).
 */
final class ChunkSizes {

	static final int ARRAY_PARAMETER = 1024;

	static final int IN_LIST = 256;

	private ChunkSizes() {
	}

	/** The default for the dialect. */
	static int defaultFor(Dialect dialect) {
		return dialect.useArrayForMultiValuedParameters() ? ARRAY_PARAMETER : capped(IN_LIST, dialect);
	}

	/** The requested size, lowered to what the dialect accepts in one IN list. */
	static int capped(int requested, Dialect dialect) {
		if (dialect.useArrayForMultiValuedParameters()) {
			return requested;
		}
		int size = requested;
		for (int limit : new int[] { dialect.getParameterCountLimit(), dialect.getInExpressionCountLimit() }) {
			if (limit > 0) {
				size = Math.min(size, limit);
			}
		}
		return size;
	}

}
