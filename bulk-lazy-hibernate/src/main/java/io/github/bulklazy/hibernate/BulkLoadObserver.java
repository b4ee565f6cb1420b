package io.github.bulklazy.hibernate;

import java.util.function.Supplier;

/**
 * Runs around each bulk load, to trace it: once per load of an association's waiting peers, with
 * every chunk's statement inside. {@code io.github.bulklazy.micrometer.BulkLoadObservations} makes
 * each one a Micrometer {@code Observation}.
 */
public interface BulkLoadObserver {

	/** Runs each bulk load as it is. */
	BulkLoadObserver NONE = new BulkLoadObserver() {

		@Override
		public <T> T observe(String association, int keys, Supplier<T> load) {
			return load.get();
		}

	};

	/**
	 * Runs one bulk load.
	 * @param association the association loaded, {@code Student.school}
	 * @param keys how many keys the load carries, in one or more chunks
	 * @param load the load itself, to run once
	 * @return what the load returns
	 */
	<T> T observe(String association, int keys, Supplier<T> load);

}
