package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the user chose: which associations to bulk-load, how many keys one statement carries, what
 * to do with the N+1 that remains, and which peers a bulk load takes.
 *
 * @param include entries ({@code Entity}, {@code com.acme.Entity} or {@code Entity.association})
 * that are the only ones bulk-loaded when the list is not empty
 * @param exclude entries that are never bulk-loaded; exclude wins over include
 * @param chunkSize maximum number of keys per statement, or {@code null} for the dialect's default
 * @param onRemainingNPlusOne what to do when an association loads one key at a time again in a session
 * @param scope which waiting peers a bulk load takes
 */
public record BulkLazySettings(List<String> include, List<String> exclude, @Nullable Integer chunkSize,
		OnRemainingNPlusOne onRemainingNPlusOne, PeerScope scope) {

	/**
	 * The largest chunk size: the parameters PostgreSQL's JDBC driver binds to one statement at
	 * most, and far above the sizes where a larger chunk still saves time.
	 */
	public static final int MAX_CHUNK_SIZE = 32_767;

	public BulkLazySettings {
		include = List.copyOf(include);
		exclude = List.copyOf(exclude);
		Objects.requireNonNull(onRemainingNPlusOne, "onRemainingNPlusOne");
		Objects.requireNonNull(scope, "scope");
		if (chunkSize != null && (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)) {
			throw new IllegalArgumentException(
					"the chunk size must be between 1 and " + MAX_CHUNK_SIZE + ", was " + chunkSize);
		}
	}

	/** Settings that log remaining N+1 and take the peers of the whole session. */
	public BulkLazySettings(List<String> include, List<String> exclude, @Nullable Integer chunkSize) {
		this(include, exclude, chunkSize, OnRemainingNPlusOne.LOG, PeerScope.SESSION);
	}

	/** Everything bulk-loaded, chunk size chosen by dialect, remaining N+1 logged, peers of the session. */
	public static BulkLazySettings defaults() {
		return new BulkLazySettings(List.of(), List.of(), null);
	}

	/** These settings with another action on remaining N+1. */
	public BulkLazySettings withOnRemainingNPlusOne(OnRemainingNPlusOne action) {
		return new BulkLazySettings(this.include, this.exclude, this.chunkSize, action, this.scope);
	}

	/** These settings with another peer scope. */
	public BulkLazySettings withScope(PeerScope peerScope) {
		return new BulkLazySettings(this.include, this.exclude, this.chunkSize, this.onRemainingNPlusOne, peerScope);
	}

}
