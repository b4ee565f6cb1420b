package io.github.bulklazy.hibernate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.persister.spi.PersisterClassResolver;
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

	/** The Hibernate versions the build tests. */
	private static final Pattern TESTED_LINES = Pattern.compile("6\\.6\\.|7\\.[1-4]\\.");

	private final @Nullable BulkLazySettings settings;

	private final BulkLazyPlans plans;

	private final String name;

	private final Supplier<ArraySelect> arraySelects;

	private final Map<SessionFactoryImplementor, BulkLazyPlan> planByFactory = new ConcurrentHashMap<>();

	/**
	 * Creates an integrator.
	 * @param settings what the user configured, or {@code null} to read the {@code bulk_lazy.*}
	 * Hibernate settings when the session factory is built
	 * @param plans where the plan of each session factory is published
	 * @param name the name to publish the plan under, or {@code null} for the session factory's
	 */
	public BulkLazyIntegrator(@Nullable BulkLazySettings settings, BulkLazyPlans plans, @Nullable String name) {
		this(settings, plans, name, ArraySelect::forRunningHibernate);
	}

	/** An integrator that finds the array select of the running Hibernate with the given function. */
	BulkLazyIntegrator(@Nullable BulkLazySettings settings, BulkLazyPlans plans, @Nullable String name,
			Supplier<ArraySelect> arraySelects) {
		this.settings = settings;
		this.plans = plans;
		this.name = name;
		this.arraySelects = arraySelects;
	}

	/** The same integrator, publishing its plans under another name. */
	public BulkLazyIntegrator named(String name) {
		return new BulkLazyIntegrator(this.settings, this.plans, name, this.arraySelects);
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
		Dialect dialect = sessionFactory.getJdbcServices().getDialect();
		EnhancedProxyLoaders enhancedProxyLoaders = (sessionFactory.getServiceRegistry()
			.requireService(BatchLoaderFactory.class) instanceof EnhancedProxyLoaders loaders) ? loaders : null;
		EagerToOnePersisters.Resolver persisters = (sessionFactory.getServiceRegistry()
			.requireService(PersisterClassResolver.class) instanceof EagerToOnePersisters.Resolver resolver)
					? resolver : null;
		AssociationPlanner planner = new AssociationPlanner(settings,
				sessionFactory.getSessionFactoryOptions().getDefaultBatchFetchSize(), enhancedProxyLoaders != null,
				persisters != null, metadata);
		List<Association> associations = planner.plan();
		BulkLazyPlan plan = new BulkLazyPlan((this.name != null) ? this.name : sessionFactory.getName(),
				chunkSize(settings, dialect), associations, planner.knownNames(associations));
		if (this.settings == null) {
			// configured through Hibernate settings: no application checks the entries later
			BulkLazyPlans own = new BulkLazyPlans();
			own.add(plan);
			own.checkEntries(settings);
		}
		for (Association association : associations) {
			if (association.mode() == Mode.FALLBACK) {
				logger.infof("bulk-lazy: %s is loaded by plain Hibernate: %s",
						(association.kind() == Kind.REFERENCE) ? "every getReference proxy of " + association.name()
								: association.name(),
						association.reason().description());
			}
		}
		warnIfUntested();
		BulkLoader loader = new BulkLoader(sessionFactory, plan, arraySelect(dialect));
		Set<String> enhancedProxyEntities = planner.enhancedProxyEntities(associations);
		Map<PersistentClass, Integer> batchSizes = new HashMap<>();
		if (!enhancedProxyEntities.isEmpty()) {
			// the smallest batch size, before Hibernate builds the persisters: they then ask the factory for a loader
			for (String entity : enhancedProxyEntities) {
				PersistentClass binding = metadata.getEntityBinding(entity);
				batchSizes.put(binding, binding.getBatchSize());
				binding.setBatchSize(2);
			}
			enhancedProxyLoaders.register(sessionFactory, enhancedProxyEntities, loader);
		}
		// bulk-lazy's persisters for the owners of the EAGER to-ones it loads
		Set<PersistentClass> eagerOwners = new LinkedHashSet<>();
		for (Association association : associations) {
			if (association.kind() == Kind.EAGER_TO_ONE && association.mode() == Mode.BULK) {
				eagerOwners.add(metadata.getEntityBinding(association.ownerEntity()));
			}
		}
		if (!eagerOwners.isEmpty()) {
			persisters.defer(eagerOwners);
		}
		BulkLazyListener listener = new BulkLazyListener(loader);
		EventListenerRegistry listeners = sessionFactory.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		listeners.appendListeners(EventType.POST_LOAD, listener);
		listeners.prependListeners(EventType.LOAD, listener);
		listeners.appendListeners(EventType.LOAD, new BulkLazyListener.References(loader));
		listeners.prependListeners(EventType.INIT_COLLECTION, listener);
		listeners.appendListeners(EventType.EVICT, listener);
		listeners.appendListeners(EventType.CLEAR, listener);
		sessionFactory.addObserver(new SessionFactoryObserver() {

			@Override
			public void sessionFactoryCreated(SessionFactory factory) {
				// the persisters are built: the boot model is left as it was found, for any other factory built from it
				batchSizes.forEach(PersistentClass::setBatchSize);
				if (!eagerOwners.isEmpty()) {
					persisters.forget(eagerOwners);
				}
				publish(sessionFactory, start(loader, plan));
			}

		});
	}

	/**
	 * Starts the engine once the persisters exist. If its loaders cannot be built on the running
	 * Hibernate, the engine stays inactive and every association is loaded by plain Hibernate.
	 */
	private static BulkLazyPlan start(BulkLoader loader, BulkLazyPlan plan) {
		try {
			loader.start();
			return plan;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warnf(ex, "bulk-lazy: off for %s on Hibernate %s, every association is loaded by plain Hibernate: "
					+ "its loaders cannot be built (%s)", plan.name(), Version.getVersionString(), ex);
			return plan.withoutBulkLoading(Reason.HIBERNATE_VERSION);
		}
	}

	private void publish(SessionFactoryImplementor sessionFactory, BulkLazyPlan plan) {
		this.planByFactory.put(sessionFactory, plan);
		this.plans.add(plan);
	}

	private static void warnIfUntested() {
		String version = Version.getVersionString();
		if (!TESTED_LINES.matcher(version).lookingAt()) {
			logger.warnf("bulk-lazy: Hibernate %s is not a line bulk-lazy is tested on (6.6, 7.1 to 7.4): it uses the "
					+ "API it finds, and if its loaders cannot be built at start-up it stays off, leaving every "
					+ "association to plain Hibernate", version);
		}
	}

	/**
	 * The array select of the running Hibernate, chosen once per session factory, or {@code null}
	 * when the dialect takes IN lists or no implementation fits (collections then load through IN
	 * lists). Says in the log which one is used.
	 */
	private @Nullable ArraySelect arraySelect(Dialect dialect) {
		if (!dialect.useArrayForMultiValuedParameters()) {
			return null;
		}
		String version = Version.getVersionString();
		try {
			ArraySelect select = this.arraySelects.get();
			logger.infof("bulk-lazy: Hibernate %s, collections load by one array parameter through the %s API",
					version, select.shape());
			return select;
		}
		catch (IllegalStateException ex) {
			logger.warnf("bulk-lazy: Hibernate %s, collections load through IN lists: %s", version, ex.getMessage());
			return null;
		}
	}

	@Override
	public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
		if (serviceRegistry.requireService(BatchLoaderFactory.class) instanceof EnhancedProxyLoaders loaders) {
			loaders.unregister(sessionFactory);
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
