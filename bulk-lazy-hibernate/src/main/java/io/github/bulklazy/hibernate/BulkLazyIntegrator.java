package io.github.bulklazy.hibernate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.hibernate.internal.HibernateAccess;
import io.github.bulklazy.hibernate.loading.AssociationCounters;
import io.github.bulklazy.hibernate.loading.BulkLoader;
import io.github.bulklazy.hibernate.loading.RemainingNPlusOnes;
import io.github.bulklazy.hibernate.planning.AssociationPlanner;
import io.github.bulklazy.hibernate.planning.ChunkSizes;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Installs bulk lazy loading into a Hibernate session factory: plans every lazy association,
 * logs those that stay with plain Hibernate and why, and registers the engine's event listeners.
 * Hand it to Hibernate with {@link BulkLazyIntegratorProvider}.
 */
public final class BulkLazyIntegrator implements Integrator {

	private static final Logger logger = Logger.getLogger(BulkLazyIntegrator.class);

	private final @Nullable BulkLazySettings settings;

	private final BulkLazyPlans plans;

	private final @Nullable String name;

	private final Supplier<HibernateAccess> accesses;

	private final BulkLoadObserver observer;

	private final Map<SessionFactoryImplementor, BulkLazyPlan> planByFactory = new ConcurrentHashMap<>();

	private final Map<SessionFactoryImplementor, HibernateAccess> accessByFactory = new ConcurrentHashMap<>();

	/**
	 * Creates an integrator.
	 * @param settings what the user configured, or {@code null} to read the {@code bulk_lazy.*}
	 * Hibernate settings when the session factory is built
	 * @param plans where the plan of each session factory is published
	 * @param name the name to publish the plan under, or {@code null} for the session factory's
	 */
	public BulkLazyIntegrator(@Nullable BulkLazySettings settings, BulkLazyPlans plans, @Nullable String name) {
		this(settings, plans, name, HibernateAccess::forRunningHibernate, BulkLoadObserver.NONE);
	}

	/** An integrator that reaches the running Hibernate's internals through the given access. */
	BulkLazyIntegrator(@Nullable BulkLazySettings settings, BulkLazyPlans plans, @Nullable String name,
			Supplier<HibernateAccess> accesses) {
		this(settings, plans, name, accesses, BulkLoadObserver.NONE);
	}

	private BulkLazyIntegrator(@Nullable BulkLazySettings settings, BulkLazyPlans plans, @Nullable String name,
			Supplier<HibernateAccess> accesses, BulkLoadObserver observer) {
		this.settings = settings;
		this.plans = plans;
		this.name = name;
		this.accesses = accesses;
		this.observer = observer;
	}

	/** The same integrator, publishing its plans under another name. */
	public BulkLazyIntegrator named(String name) {
		return new BulkLazyIntegrator(this.settings, this.plans, name, this.accesses, this.observer);
	}

	/** The same integrator, running each bulk load of the factories it integrates through the observer. */
	public BulkLazyIntegrator observedBy(BulkLoadObserver bulkLoadObserver) {
		return new BulkLazyIntegrator(this.settings, this.plans, this.name, this.accesses, bulkLoadObserver);
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		BulkLazySettings settings = this.settings;
		if (settings == null) {
			Optional<BulkLazySettings> configured = HibernateSettings.read(
					bootstrapContext.getServiceRegistry().requireService(ConfigurationService.class).getSettings());
			if (configured.isEmpty()) {
				return;
			}
			settings = configured.get();
		}
		HibernateAccess access = access();
		Dialect dialect = sessionFactory.getJdbcServices().getDialect();
		// without an access, the plan says what bulk-lazy would load, then leaves it all to Hibernate
		AssociationPlanner planner = new AssociationPlanner(settings,
				sessionFactory.getSessionFactoryOptions().getDefaultBatchFetchSize(),
				access == null || access.loadsEnhancedProxies(sessionFactory),
				access == null || access.choosesPersisters(sessionFactory),
				access == null || access.defersToOnesLoadedWithOwner(), metadata);
		List<Association> associations = planner.plan();
		RemainingNPlusOnes remainingNPlusOnes = new RemainingNPlusOnes(settings.onRemainingNPlusOne(), settings.scope(),
				List.copyOf(bootstrapContext.getServiceRegistry()
					.requireService(ClassLoaderService.class)
					.loadJavaServices(RemainingNPlusOneListener.class)));
		Map<String, AssociationCounters> counters = AssociationCounters.of(associations, remainingNPlusOnes,
				this.observer);
		BulkLazyPlan plan = new BulkLazyPlan(planName(sessionFactory), chunkSize(settings, dialect), settings.scope(),
				associations, planner.knownNames(associations), Map.copyOf(counters), remainingNPlusOnes);
		if (this.settings == null) {
			// configured through Hibernate settings: no application checks the entries later
			BulkLazyPlans own = new BulkLazyPlans();
			own.add(plan);
			own.checkEntries(settings);
		}
		if (access == null) {
			publish(sessionFactory, plan.withoutBulkLoading(Reason.HIBERNATE_VERSION));
			return;
		}
		this.accessByFactory.put(sessionFactory, access);
		StartupLog.fallbacks(associations);
		StartupLog.line(access, dialect);
		BulkLoader loader = new BulkLoader(sessionFactory, plan, counters, access);
		Set<String> enhancedProxyEntities = planner.enhancedProxyEntities(associations);
		Map<PersistentClass, Integer> batchSizes = new HashMap<>();
		if (!enhancedProxyEntities.isEmpty()) {
			// the smallest batch size, before Hibernate builds the persisters: they then ask the factory for a loader
			for (String entity : enhancedProxyEntities) {
				PersistentClass binding = metadata.getEntityBinding(entity);
				batchSizes.put(binding, binding.getBatchSize());
				binding.setBatchSize(2);
			}
			access.loadEnhancedProxies(sessionFactory, enhancedProxyEntities, loader);
		}
		// bulk-lazy's persisters for the owners of the to-ones loaded with their owner that it loads
		Set<PersistentClass> eagerOwners = new LinkedHashSet<>();
		for (Association association : associations) {
			if (association.kind() == Kind.EAGER_TO_ONE && association.mode() == Mode.BULK) {
				eagerOwners.add(metadata.getEntityBinding(association.ownerEntity()));
			}
		}
		if (!eagerOwners.isEmpty()) {
			access.deferToOnes(sessionFactory, eagerOwners);
		}
		loader.listenTo(sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class));
		sessionFactory.addObserver(new SessionFactoryObserver() {

			@Override
			public void sessionFactoryCreated(SessionFactory factory) {
				// the persisters are built: the boot model is left as it was found, for any other factory built from it
				batchSizes.forEach(PersistentClass::setBatchSize);
				access.stopDeferring(sessionFactory, eagerOwners);
				publish(sessionFactory, start(loader, plan, access));
			}

		});
	}

	/** The access to the running Hibernate's internals, or {@code null}, logged, when none fits. */
	private @Nullable HibernateAccess access() {
		try {
			return this.accesses.get();
		}
		catch (IllegalStateException ex) {
			logger.warnf("bulk-lazy: off, every association is loaded by plain Hibernate: %s", ex.getMessage());
			return null;
		}
	}

	/**
	 * Starts the engine once the persisters exist. If its loaders cannot be built on the running
	 * Hibernate, the engine stays inactive and every association is loaded by plain Hibernate.
	 */
	private static BulkLazyPlan start(BulkLoader loader, BulkLazyPlan plan, HibernateAccess access) {
		try {
			loader.start();
			StartupLog.active(plan, access);
			return plan;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warnf(ex, "bulk-lazy: off for %s on Hibernate %s, every association is loaded by plain Hibernate: "
					+ "its loaders cannot be built (%s)", plan.name(), access.version(), ex);
			return plan.withoutBulkLoading(Reason.HIBERNATE_VERSION);
		}
	}

	private String planName(SessionFactoryImplementor sessionFactory) {
		return (this.name != null) ? this.name : sessionFactory.getName();
	}

	private void publish(SessionFactoryImplementor sessionFactory, BulkLazyPlan plan) {
		this.planByFactory.put(sessionFactory, plan);
		this.plans.add(plan);
	}

	@Override
	public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
		HibernateAccess access = this.accessByFactory.remove(sessionFactory);
		if (access != null) {
			access.forget(sessionFactory, serviceRegistry);
		}
		BulkLazyPlan plan = this.planByFactory.remove(sessionFactory);
		if (plan != null) {
			this.plans.remove(plan);
		}
	}

	private static int chunkSize(BulkLazySettings settings, Dialect dialect) {
		if (settings.chunkSize() == null) {
			return ChunkSizes.defaultFor(dialect);
		}
		int size = ChunkSizes.capped(settings.chunkSize(), dialect);
		if (size < settings.chunkSize()) {
			logger.warnf("bulk-lazy: chunk size %d lowered to %d, the most %s accepts in one statement",
					settings.chunkSize(), size, dialect.getClass().getSimpleName());
		}
		return size;
	}

}
