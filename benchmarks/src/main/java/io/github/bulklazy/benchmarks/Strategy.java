package io.github.bulklazy.benchmarks;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.hibernate.PeerScope;

/** The ways of loading the same associations that are measured side by side. */
public enum Strategy {

	/** Plain lazy loading: N+1. */
	PLAIN(Map.of(), false, null),

	/** Hibernate's batch fetching, 16 keys per statement. */
	BATCH_16(Map.of("hibernate.default_batch_fetch_size", 16), false, null),

	/** Hibernate's batch fetching, 256 keys per statement. */
	BATCH_256(Map.of("hibernate.default_batch_fetch_size", 256), false, null),

	/** Hibernate's subselect fetching for every collection. */
	SUBSELECT(Map.of("hibernate.use_subselect_fetch", true), false, null),

	/** The fetch join a careful developer writes for each workload. */
	HAND_WRITTEN(Map.of(), true, null),

	/** bulk-lazy with its defaults: the peers of the whole session. */
	BULK_LAZY(Map.of(), false, PeerScope.SESSION),

	/** bulk-lazy taking only the peers of the same query ({@code scope=query}). */
	BULK_LAZY_BY_QUERY(Map.of(), false, PeerScope.QUERY);

	final Map<String, Object> properties;

	final boolean handWritten;

	/** The peers bulk-lazy takes; {@code null} without bulk-lazy. */
	private final PeerScope scope;

	Strategy(Map<String, Object> properties, boolean handWritten, PeerScope scope) {
		this.properties = properties;
		this.handWritten = handWritten;
		this.scope = scope;
	}

	BulkLazySettings settings(Integer chunkSize) {
		return (this.scope != null) ? new BulkLazySettings(List.of(), List.of(), chunkSize).withScope(this.scope) : null;
	}

}
