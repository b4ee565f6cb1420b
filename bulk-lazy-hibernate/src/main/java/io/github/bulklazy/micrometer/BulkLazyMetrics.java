package io.github.bulklazy.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.AssociationStatistics;
import io.github.bulklazy.hibernate.BulkLazyPlan;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters over the counters of every session factory bulk-lazy is integrated into,
 * tagged with {@code entityManagerFactory} and {@code association}:
 * <ul>
 * <li>{@code bulk.lazy.batches}: bulk statements issued;</li>
 * <li>{@code bulk.lazy.queries.saved}: statements plain lazy loading would have issued to
 * initialize the same proxies and collections, minus those issued;</li>
 * <li>{@code bulk.lazy.batch.size}: keys per bulk statement;</li>
 * <li>{@code bulk.lazy.fallbacks}: lazy loads of an association excluded or not supported that
 * reached the database with a statement for one key (not second-level cache hits, not Hibernate's
 * batch statements of several keys), also tagged with the {@code reason}.</li>
 * </ul>
 * Factories built after the binding get their meters as they are built, and lose them when they close.
 */
public final class BulkLazyMetrics implements MeterBinder {

	private static final String ENTITY_MANAGER_FACTORY_SUFFIX = "entityManagerFactory";

	private final BulkLazyPlans plans;

	/**
	 * Per association, the batch-size summaries of every registry bound, all fed by the one
	 * recorder its statistics take.
	 */
	private final Map<AssociationStatistics, List<DistributionSummary>> batchSizes = new ConcurrentHashMap<>();

	/**
	 * Creates the meters' binder.
	 * @param plans the plans of every entity manager factory
	 */
	public BulkLazyMetrics(BulkLazyPlans plans) {
		this.plans = plans;
	}

	/**
	 * Registers the meters of every factory's plan in the registry: of those open now and of those
	 * built later, whose meters are removed again when their factory closes.
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.plans.listen(new BulkLazyPlans.Listener() {

			private final Map<BulkLazyPlan, List<Meter>> meters = new ConcurrentHashMap<>();

			@Override
			public void published(BulkLazyPlan plan) {
				this.meters.put(plan, register(plan, registry));
			}

			@Override
			public void withdrawn(BulkLazyPlan plan) {
				List<Meter> removed = this.meters.getOrDefault(plan, List.of());
				removed.forEach(registry::remove);
				stopRecordingBatchSizes(removed);
				this.meters.remove(plan);
			}

		});
	}

	private List<Meter> register(BulkLazyPlan plan, MeterRegistry registry) {
		List<Meter> meters = new ArrayList<>();
		for (Association association : plan.associations()) {
			Tags tags = Tags.of("entityManagerFactory", factoryName(plan.name()), "association", association.name());
			AssociationStatistics statistics = plan.statistics(association);
			if (association.mode() == Mode.BULK) {
				meters.add(FunctionCounter.builder("bulk.lazy.batches", statistics, AssociationStatistics::batches)
					.tags(tags)
					.description("Bulk statements issued")
					.register(registry));
				meters.add(FunctionCounter.builder("bulk.lazy.queries.saved", statistics, AssociationStatistics::queriesSaved)
					.tags(tags)
					.description("Statements plain lazy loading would have issued for the same loads, minus those issued")
					.register(registry));
				DistributionSummary batchSize = DistributionSummary.builder("bulk.lazy.batch.size")
					.tags(tags)
					.baseUnit("keys")
					.description("Keys per bulk statement")
					.register(registry);
				recordBatchSizes(statistics, batchSize);
				meters.add(batchSize);
			}
			else {
				meters.add(FunctionCounter.builder("bulk.lazy.fallbacks", statistics, AssociationStatistics::fallbacks)
					.tags(tags.and("reason", Objects.requireNonNull(association.reason()).tag()))
					.description("Lazy loads of an association not bulk-loaded that reached the database "
							+ "with a statement for one key")
					.register(registry));
			}
		}
		return meters;
	}

	/** Feeds the summary too, once however often the binder is bound to its registry. */
	private void recordBatchSizes(AssociationStatistics statistics, DistributionSummary summary) {
		List<DistributionSummary> summaries = this.batchSizes.computeIfAbsent(statistics, (key) -> {
			List<DistributionSummary> fed = new CopyOnWriteArrayList<>();
			key.recordBatchSizesWith((keys) -> fed.forEach((each) -> each.record(keys)));
			return fed;
		});
		synchronized (summaries) {
			if (summaries.stream().noneMatch((each) -> each == summary)) {
				summaries.add(summary);
			}
		}
	}

	private void stopRecordingBatchSizes(List<Meter> removed) {
		for (List<DistributionSummary> summaries : this.batchSizes.values()) {
			summaries.removeIf((summary) -> removed.stream().anyMatch((meter) -> meter == summary));
		}
		this.batchSizes.values().removeIf(List::isEmpty);
	}

	/** The tag Spring Boot's Hibernate metrics use: the bean name without its suffix. */
	static String factoryName(String beanName) {
		if (beanName.length() > ENTITY_MANAGER_FACTORY_SUFFIX.length() && beanName.toLowerCase(Locale.ROOT)
			.endsWith(ENTITY_MANAGER_FACTORY_SUFFIX.toLowerCase(Locale.ROOT))) {
			return beanName.substring(0, beanName.length() - ENTITY_MANAGER_FACTORY_SUFFIX.length());
		}
		return beanName;
	}

}
