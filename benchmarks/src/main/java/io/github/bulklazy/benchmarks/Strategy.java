package io.github.bulklazy.benchmarks;

import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazySettings;

/** The ways of loading the same associations that are measured side by side. */
public enum Strategy {

	/** Plain lazy loading: N+1. */
	PLAIN(Map.of(), false, false),

	/** Hibernate's batch fetching, 16 keys per statement. */
	BATCH_16(Map.of("hibernate.default_batch_fetch_size", 16), false, false),

	/** Hibernate's batch fetching, 256 keys per statement. */
	BATCH_256(Map.of("hibernate.default_batch_fetch_size", 256), false, false),

	/** Hibernate's subselect fetching for every collection. */
	SUBSELECT(Map.of("hibernate.use_subselect_fetch", true), false, false),

	/** The fetch join a careful developer writes for each workload. */
	HAND_WRITTEN(Map.of(), true, false),

	/** bulk-lazy with its defaults. */
	BULK_LAZY(Map.of(), false, true);

	final Map<String, Object> properties;

	final boolean handWritten;

	final boolean bulkLazy;

	Strategy(Map<String, Object> properties, boolean handWritten, boolean bulkLazy) {
		this.properties = properties;
		this.handWritten = handWritten;
		this.bulkLazy = bulkLazy;
	}

	BulkLazySettings settings(Integer chunkSize) {
		return this.bulkLazy ? new BulkLazySettings(java.util.List.of(), java.util.List.of(), chunkSize) : null;
	}

}
