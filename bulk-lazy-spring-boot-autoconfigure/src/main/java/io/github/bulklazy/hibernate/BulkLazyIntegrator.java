package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bulklazy.hibernate.Association.Mode;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jboss.logging.Logger;

/**
 * Installs bulk lazy loading into a Hibernate session factory: plans every lazy association,
 * logs those that stay with plain Hibernate and why, and registers the engine's event listeners.
 * Hand it to Hibernate with {@link BulkLazyIntegratorProvider}.
 */
public final class BulkLazyIntegrator implements Integrator {

	private static final Logger logger = Logger.getLogger(BulkLazyIntegrator.class);

	private final BulkLazySettings settings;

	private final BulkLazyPlans plans;

	private final String name;

	private final Map<SessionFactoryImplementor, BulkLazyPlan> planByFactory = new ConcurrentHashMap<>();

	/**
	 * Creates an integrator.
	 * @param settings what the user configured
	 * @param plans where the plan of each session factory is published
	 * @param name the name to publish the plan under, or {@code null} for the session factory's
	 */
	public BulkLazyIntegrator(BulkLazySettings settings, BulkLazyPlans plans, String name) {
		this.settings = settings;
		this.plans = plans;
		this.name = name;
	}

	/** The same integrator, publishing its plans under another name. */
	public BulkLazyIntegrator named(String name) {
		return new BulkLazyIntegrator(this.settings, this.plans, name);
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		Dialect dialect = sessionFactory.getJdbcServices().getDialect();
		AssociationPlanner planner = new AssociationPlanner(this.settings,
				sessionFactory.getSessionFactoryOptions().getDefaultBatchFetchSize(), metadata);
		List<Association> associations = planner.plan();
		BulkLazyPlan plan = new BulkLazyPlan((this.name != null) ? this.name : sessionFactory.getName(),
				chunkSize(dialect), associations, planner.knownNames(associations));
		for (Association association : associations) {
			if (association.mode() == Mode.FALLBACK) {
				logger.infof("bulk-lazy: %s is loaded by plain Hibernate: %s", association.name(),
						association.reason().description());
			}
		}
		BulkLoader loader = new BulkLoader(sessionFactory, plan);
		EventListenerRegistry listeners = sessionFactory.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		listeners.appendListeners(EventType.POST_LOAD, loader);
		listeners.prependListeners(EventType.LOAD, loader);
		listeners.prependListeners(EventType.INIT_COLLECTION, loader);
		listeners.appendListeners(EventType.CLEAR, loader);
		this.planByFactory.put(sessionFactory, plan);
		this.plans.add(plan);
	}

	@Override
	public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
		BulkLazyPlan plan = this.planByFactory.remove(sessionFactory);
		if (plan != null) {
			this.plans.remove(plan);
		}
	}

	private int chunkSize(Dialect dialect) {
		if (this.settings.chunkSize() == null) {
			return ChunkSizes.defaultFor(dialect);
		}
		int size = ChunkSizes.capped(this.settings.chunkSize(), dialect);
		if (size < this.settings.chunkSize()) {
			logger.warnf("bulk-lazy: chunk size %d lowered to %d, the most %s accepts in one statement",
					this.settings.chunkSize(), size, dialect.getClass().getSimpleName());
		}
		return size;
	}

}
