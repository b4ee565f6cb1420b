package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What bulk-lazy does in one session factory: every lazy association with its mode and counters,
 * the chunk size and the peer scope in force.
 *
 * @param name the name the factory was registered under (its bean name in Spring), or the session
 * factory's name
 * @param chunkSize keys per bulk statement
 * @param scope which waiting peers a bulk load takes
 * @param associations every lazy association of the mapping
 * @param knownNames every name {@code bulk-lazy.include} and {@code bulk-lazy.exclude} may use
 * @param statistics the counters of each association, by {@link Association#name()}
 * @param remainingNPlusOne the remaining N+1 seen so far, by association and call site
 */
public record BulkLazyPlan(String name, int chunkSize, PeerScope scope, List<Association> associations, Set<String> knownNames,
		Map<String, AssociationStatistics> statistics, RemainingNPlusOneLog remainingNPlusOne) {

	public BulkLazyPlan {
		associations = List.copyOf(associations);
		knownNames = Set.copyOf(knownNames);
		statistics = Map.copyOf(statistics);
	}

	/** This plan with every bulk-loaded association left to plain Hibernate for the given reason. */
	BulkLazyPlan withoutBulkLoading(Association.Reason reason) {
		List<Association> fallbacks = this.associations.stream()
			.map((association) -> (association.mode() == Association.Mode.BULK)
					? association.withMode(Association.Mode.FALLBACK, reason) : association)
			.toList();
		return new BulkLazyPlan(this.name, this.chunkSize, this.scope, fallbacks, this.knownNames, this.statistics,
				this.remainingNPlusOne);
	}

	/** The counters of an association of this plan. */
	public AssociationStatistics statistics(Association association) {
		return Objects.requireNonNull(this.statistics.get(association.name()), association.name());
	}

}
