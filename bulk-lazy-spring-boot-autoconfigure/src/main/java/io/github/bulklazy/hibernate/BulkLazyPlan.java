package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Set;

/**
 * What bulk-lazy does in one session factory: every lazy association with its mode, and the
 * chunk size in force.
 *
 * @param sessionFactoryName the session factory's name (the persistence unit's, if any)
 * @param chunkSize keys per bulk statement
 * @param associations every lazy association of the mapping
 * @param knownNames every name {@code bulk-lazy.include} and {@code bulk-lazy.exclude} may use
 */
public record BulkLazyPlan(String sessionFactoryName, int chunkSize, List<Association> associations,
		Set<String> knownNames) {

	public BulkLazyPlan {
		associations = List.copyOf(associations);
		knownNames = Set.copyOf(knownNames);
	}

}
