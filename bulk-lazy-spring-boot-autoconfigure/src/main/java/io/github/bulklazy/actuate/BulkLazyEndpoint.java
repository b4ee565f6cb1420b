package io.github.bulklazy.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.AssociationStatistics;
import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/bulklazy}: the configuration in force and, per entity manager factory, every
 * lazy association with its mode, chunk size and counters, and the remaining N+1 by call site. Its responses are
 * {@link OperationResponseBody operation response bodies}: Actuator serializes them with its own
 * JSON settings, not the application's.
 */
@Endpoint(id = "bulklazy")
public class BulkLazyEndpoint {

	private final BulkLazyPlans plans;

	private final BulkLazySettings settings;

	/**
	 * Creates the endpoint.
	 * @param plans the plans of every entity manager factory
	 * @param settings the configuration in force
	 */
	public BulkLazyEndpoint(BulkLazyPlans plans, BulkLazySettings settings) {
		this.plans = plans;
		this.settings = settings;
	}

	/**
	 * The whole report.
	 * @return the configuration and every factory's associations
	 */
	@ReadOperation
	public BulkLazyDescriptor bulkLazy() {
		Map<String, FactoryDescriptor> factories = new LinkedHashMap<>();
		for (BulkLazyPlan plan : this.plans.all()) {
			Map<String, AssociationDescriptor> associations = new LinkedHashMap<>();
			plan.associations().forEach((association) -> associations.put(association.name(), describe(plan, association)));
			List<RemainingNPlusOneDescriptor> remaining = plan.remainingNPlusOne()
				.mostFrequent()
				.stream()
				.map((count) -> new RemainingNPlusOneDescriptor(count.remaining().association(),
						count.remaining().reason(), count.remaining().callSite(), count.loads(),
						count.remaining().fix()))
				.toList();
			factories.put(plan.name(), new FactoryDescriptor(plan.chunkSize(), associations, remaining));
		}
		return new BulkLazyDescriptor(new ConfigurationDescriptor(this.settings.include(), this.settings.exclude(),
				this.settings.chunkSize(), this.settings.onRemainingNPlusOne().name().toLowerCase(Locale.ROOT),
				this.settings.scope().name().toLowerCase(Locale.ROOT)), factories);
	}

	/**
	 * One association, in every entity manager factory that maps it.
	 * @param association the association's name, {@code Student.school}
	 * @return the association by factory name, or {@code null} (404) when no factory maps it
	 */
	@ReadOperation
	public @Nullable Map<String, AssociationDescriptor> association(@Selector String association) {
		Map<String, AssociationDescriptor> found = new LinkedHashMap<>();
		for (BulkLazyPlan plan : this.plans.all()) {
			plan.associations()
				.stream()
				.filter((candidate) -> candidate.name().equals(association))
				.forEach((candidate) -> found.put(plan.name(), describe(plan, candidate)));
		}
		return found.isEmpty() ? null : OperationResponseBody.of(found);
	}

	private static AssociationDescriptor describe(BulkLazyPlan plan, Association association) {
		AssociationStatistics statistics = plan.statistics(association);
		return new AssociationDescriptor(association.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				association.targetEntity(), association.mode().name().toLowerCase(Locale.ROOT),
				(association.reason() != null) ? association.reason().description() : null, plan.chunkSize(),
				statistics.batches(), statistics.queriesSaved(), statistics.fallbacks(), statistics.hibernateBatches(),
				statistics.hibernateBatchSize());
	}

	/**
	 * The whole report.
	 *
	 * @param configuration the configuration in force
	 * @param entityManagerFactories each factory's associations, by factory bean name
	 */
	public record BulkLazyDescriptor(ConfigurationDescriptor configuration,
			Map<String, FactoryDescriptor> entityManagerFactories) implements OperationResponseBody {
	}

	/**
	 * The {@code bulk-lazy.*} properties in force.
	 *
	 * @param include the include entries
	 * @param exclude the exclude entries
	 * @param chunkSize the configured chunk size, {@code null} for the dialect's default
	 * @param onRemainingNPlusOne {@code ignore}, {@code log} or {@code fail}
	 * @param scope {@code session} or {@code query}
	 */
	@JsonInclude(Include.ALWAYS)
	public record ConfigurationDescriptor(List<String> include, List<String> exclude, @Nullable Integer chunkSize,
			String onRemainingNPlusOne, String scope) {
	}

	/**
	 * One entity manager factory.
	 *
	 * @param chunkSize keys per bulk statement
	 * @param associations its lazy associations by name
	 * @param remainingNPlusOne the places where an association loaded one key at a time again in a
	 * session, most loads first
	 */
	public record FactoryDescriptor(int chunkSize, Map<String, AssociationDescriptor> associations,
			List<RemainingNPlusOneDescriptor> remainingNPlusOne) {
	}

	/**
	 * A remaining N+1 at one call site.
	 *
	 * @param association the association loaded one key at a time
	 * @param reason why it was not bulk-loaded: a fallback reason's tag, {@code loaded-alone} or
	 * {@code loader-failed}
	 * @param callSite the application's frame that read it
	 * @param loads the one-key loads there after the first of the association in each session
	 * @param fix what would let it load in bulk
	 */
	public record RemainingNPlusOneDescriptor(String association, String reason, String callSite, long loads,
			String fix) {
	}

	/**
	 * One association.
	 *
	 * @param kind {@code to-one} or {@code collection}
	 * @param target the entity it loads, {@code null} for collections of values
	 * @param mode {@code bulk}, {@code excluded} or {@code fallback}
	 * @param reason why it is excluded or falls back
	 * @param chunkSize keys per bulk statement
	 * @param batches bulk statements issued
	 * @param queriesSaved statements saved
	 * @param fallbacks lazy loads of the association that reached the database with a statement for one key
	 * @param hibernateBatches lazy loads Hibernate's batch fetching ran for several keys in one statement
	 * @param hibernateBatchSize the most keys one of those carries, 0 before the first
	 */
	@JsonInclude(Include.ALWAYS)
	public record AssociationDescriptor(String kind, @Nullable String target, String mode, @Nullable String reason,
			int chunkSize, long batches, long queriesSaved, long fallbacks, long hibernateBatches,
			int hibernateBatchSize) {
	}

}
